package kz.shlyuz.gateway.process;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import kz.shlyuz.gateway.calendar.KazakhstanCalendar;
import kz.shlyuz.gateway.services.HearingRules;
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
        if (d.guidance() != null && d.guidance().collectKk() != null) {
            return new Pair(
                    "«" + d.titleKk() + "» қызметі көрсетілді: " + resultKk + ". "
                            + d.guidance().collectKk(),
                    "Услуга «" + d.titleRu() + "» оказана: " + resultRu + ". "
                            + d.guidance().collectRu());
        }
        return new Pair(
                "«" + d.titleKk() + "» қызметі көрсетілді: " + resultKk
                        + ". Нәтижені жеке кабинеттен немесе өтініш берген жерден алыңыз.",
                "Услуга «" + d.titleRu() + "» оказана: " + resultRu
                        + ". Результат — в личном кабинете или там, где подано заявление.");
    }

    static Pair refused(ProcessDefinition d, String groundsKk, String groundsRu) {
        if (d.guidance() != null && d.guidance().appealKk() != null) {
            return new Pair(
                    "«" + d.titleKk() + "» қызметін көрсетуден бас тартылды. Негіздеме: " + groundsKk + ". "
                            + d.guidance().appealKk(),
                    "В оказании услуги «" + d.titleRu() + "» отказано. Основание: " + groundsRu + ". "
                            + d.guidance().appealRu());
        }
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

    /** The day, as the seeds write it: «25.11.2026». */
    static String day(java.time.LocalDate on) {
        return DAY.format(on);
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    /**
     * 001 §11 ¶1: internal affairs refused preliminarily; the consulate will send the draft with the
     * hearing notice by {@code noticeDue}, and the window runs from its receipt.
     */
    static Pair draftRefusalComing(HearingRules h, String groundsKk, String groundsRu, Instant noticeDue) {
        return new Pair(
                "Ішкі істер органы алдын ала бас тарту негізін анықтады: " + groundsKk + ". Консулдық мекеме "
                        + when(noticeDue) + "-ға дейін алдын ала шешім жобасын және тыңдау туралы хабарламаны "
                        + "жібереді. Оны алған күннен бастап "
                        + h.objectionWindow().kazakh() + " ішінде қарсылық "
                        + "беруге болады: " + h.channelKk() + ".",
                "Орган внутренних дел установил основание для предварительного отказа: " + groundsRu + ". "
                        + "Консульство до " + when(noticeDue) + " направит вам проект предварительного решения и "
                        + "уведомление о заслушивании. В течение "
                        + h.objectionWindow().russian() + " со дня его "
                        + "получения можно подать возражение: " + h.channelRu() + ".");
    }

    /**
     * 001 §11 ¶2–3: the draft reached the applicant on {@code on}; the hearing is written and the
     * objection is due by {@code objectionDue}. A delivery after the consulate's term says so.
     */
    static Pair draftDelivered(HearingRules h, java.time.LocalDate on, Instant objectionDue, boolean late) {
        return new Pair(
                "Алдын ала шешім жобасы мен тыңдау туралы хабарлама " + day(on) + " тапсырылды. Тыңдау жазбаша "
                        + "түрде өткізіледі: " + when(objectionDue) + "-ға дейін қарсылықты және оны растайтын "
                        + "материалдарды " + h.channelKk() + ". Қарсылық болмаса, бас тарту түпкілікті болады."
                        + (late ? " Хабарлама белгіленген мерзімнен кеш жіберілді." : ""),
                "Проект предварительного решения и уведомление о заслушивании вручены " + day(on) + ". Заслушивание "
                        + "проводится письменно: до " + when(objectionDue) + " возражение и подтверждающие материалы "
                        + h.channelRu() + ". Без возражения отказ станет окончательным."
                        + (late ? " Уведомление направлено позже установленного срока." : ""));
    }

    /** 001 §11 ¶1–2: the consulate's term for the draft and hearing notice passed: a term was broken. */
    static Pair hearingNoticeOverdue(ProcessDefinition d, Instant due) {
        String appealKk = d.guidance() != null && d.guidance().appealKk() != null
                ? " " + d.guidance().appealKk()
                : "";
        String appealRu = d.guidance() != null && d.guidance().appealRu() != null
                ? " " + d.guidance().appealRu()
                : "";
        return new Pair(
                "Консулдық мекеме алдын ала шешім жобасы мен тыңдау туралы хабарламаны мерзімінде (" + when(due)
                        + ") жібермеді. Қарсылық мерзімі оны алған күннен басталады. Кешіктіруге шағым жасауға болады."
                        + appealKk,
                "Консульство не направило проект предварительного решения и уведомление о заслушивании в срок ("
                        + when(due) + "). Срок возражения начнётся со дня его получения. Задержку можно обжаловать."
                        + appealRu);
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
