package kz.shlyuz.gateway.process;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import kz.shlyuz.gateway.calendar.KazakhstanCalendar;
import kz.shlyuz.gateway.services.ProcessDefinition;
import kz.shlyuz.gateway.services.StepSpec;

/** Status messages for people, in Kazakh and Russian: what happened, what next, by when. */
final class Texts {
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").withZone(KazakhstanCalendar.ZONE);

    private Texts() {}

    record Pair(String kk, String ru) {}

    static String when(Instant at) {
        return WHEN.format(at);
    }

    static String titlesKk(List<StepSpec> steps) {
        return steps.stream().map(StepSpec::titleKk).collect(Collectors.joining("; "));
    }

    static String titlesRu(List<StepSpec> steps) {
        return steps.stream().map(StepSpec::titleRu).collect(Collectors.joining("; "));
    }

    static Pair accepted(ProcessDefinition d, String caseId, List<StepSpec> first, Instant stepDue, Instant caseDue) {
        return new Pair(
                "«" + d.titleKk() + "» өтініші қабылданды, іс № " + caseId + ". Қазір: " + titlesKk(first) + " — "
                        + when(stepDue) + " дейін. Нәтиже " + when(caseDue) + " дейін.",
                "Заявление «" + d.titleRu() + "» принято, дело № " + caseId + ". Сейчас: " + titlesRu(first) + " — до "
                        + when(stepDue) + ". Результат до " + when(caseDue) + ".");
    }

    static Pair next(String doneKk, String doneRu, List<StepSpec> next, Instant due) {
        return new Pair(
                doneKk + " Келесі қадам: " + titlesKk(next) + " — " + when(due) + " дейін.",
                doneRu + " Следующий шаг: " + titlesRu(next) + " — до " + when(due) + ".");
    }

    static Pair approved(ProcessDefinition d, String resultKk, String resultRu) {
        return new Pair(
                "«" + d.titleKk() + "» қызметі көрсетілді: " + resultKk
                        + ". Нәтижені жеке кабинеттен немесе өтініш берген жерден алыңыз.",
                "Услуга «" + d.titleRu() + "» оказана: " + resultRu
                        + ". Результат — в личном кабинете или там, где подано заявление.");
    }

    static Pair refused(ProcessDefinition d, String groundsKk, String groundsRu) {
        return new Pair(
                "«" + d.titleKk() + "» қызметін көрсетуден бас тартылды. Негіздеме: " + groundsKk
                        + ". Шешімге жоғары тұрған органға, прокуратураға немесе сотқа шағым жасауға болады.",
                "В оказании услуги «" + d.titleRu() + "» отказано. Основание: " + groundsRu
                        + ". Решение можно обжаловать в вышестоящем органе, прокуратуре или суде.");
    }

    static Pair preliminary(String groundsKk, String groundsRu, Instant objectionDue) {
        // 001 §11: the draft decision names the time and the way of the hearing; here the hearing
        // is written — the applicant's signed objection through the consulate or the portal.
        return new Pair(
                "Алдын ала бас тарту туралы шешім: " + groundsKk + ". Тыңдау туралы хабарлама: тыңдау "
                        + "жазбаша өтеді — " + when(objectionDue) + " дейін ЭЦҚ қойылған қарсылықты консулдық мекеме "
                        + "немесе портал арқылы жіберіңіз; қарсылық болмаса, бас тарту түпкілікті болады.",
                "Предварительное решение об отказе: " + groundsRu + ". Уведомление о заслушивании: заслушивание "
                        + "проводится письменно — до " + when(objectionDue) + " направьте возражение, подписанное "
                        + "ЭЦП, через консульство или портал; без возражения отказ станет окончательным.");
    }

    static Pair objectionReceived(List<StepSpec> next, Instant due) {
        return new Pair(
                "Қарсылығыңыз қабылданды. Ішкі істер органы қайта қарайды: " + titlesKk(next) + " — " + when(due)
                        + " дейін.",
                "Ваше возражение принято. Орган внутренних дел рассматривает повторно: " + titlesRu(next) + " — до "
                        + when(due) + ".");
    }

    static Pair passedOver(StepSpec step) {
        return new Pair(
                step.titleKk() + ": белгіленген мерзімде жауап келмеді; шешім онсыз қабылданады (002, 12-т.).",
                step.titleRu()
                        + ": ответ не поступил в установленный срок; решение принимается без него (002, п. 12).");
    }

    static Pair undelivered(StepSpec step, int attempts) {
        return new Pair(
                step.titleKk() + ": сұрау " + attempts + " әрекеттен кейін ведомствоға жеткізілмеді. Шлюз "
                        + "операторларына хабарланды; іс тоқтатылған жоқ, сұрау қайта жіберілгенде жалғасады.",
                step.titleRu() + ": запрос не удалось доставить в ведомство после " + attempts + " попыток. Операторы "
                        + "шлюза оповещены; дело не прекращено и продолжится, когда запрос будет отправлен повторно.");
    }

    static Pair overdue(StepSpec step, Instant due) {
        return new Pair(
                step.titleKk() + ": мерзімі (" + when(due) + ") өтті, ведомство жауабы әлі күтілуде. "
                        + "Кешіктіруге шағым жасауға болады.",
                step.titleRu() + ": срок (" + when(due) + ") истёк, ответ ведомства ещё ожидается. "
                        + "Задержку можно обжаловать.");
    }
}
