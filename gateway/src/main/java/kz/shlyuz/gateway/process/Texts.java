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

    /**
     * "until" in Kazakh: «дейін» governs the dative, whose ending follows the last word the time
     * is read with — «20.11.2026 ж. сағат 18:30-ға дейін», «… 10:00-ге дейін», «… 11:45-ке дейін».
     */
    static String untilKk(Instant at) {
        String dateTime = WHEN.format(at);
        String date = dateTime.substring(0, 10);
        String time = dateTime.substring(11);
        return date + " ж. сағат " + time + "-" + dative(Integer.parseInt(time.substring(3))) + " дейін";
    }

    /** The dative ending after the minutes as read aloud ("00" is read «нөл нөл»). */
    static String dative(int minutes) {
        int units = minutes % 10;
        int tens = minutes / 10;
        if (minutes == 0) {
            return "ге"; // нөл
        }
        if (units != 0) {
            // бір, екі, жеті, сегіз → -ге; үш, төрт, бес → -ке; алты, тоғыз → -ға
            return switch (units) {
                case 3, 4, 5 -> "ке";
                case 6, 9 -> "ға";
                default -> "ге";
            };
        }
        // он, жиырма, отыз → -ға; қырық → -қа; елу → -ге
        return switch (tens) {
            case 4 -> "қа";
            case 5 -> "ге";
            default -> "ға";
        };
    }

    static String titlesKk(List<StepSpec> steps) {
        return steps.stream().map(StepSpec::titleKk).collect(Collectors.joining("; "));
    }

    static String titlesRu(List<StepSpec> steps) {
        return steps.stream().map(StepSpec::titleRu).collect(Collectors.joining("; "));
    }

    static Pair accepted(ProcessDefinition d, String caseId, List<StepSpec> first, Instant stepDue, Instant caseDue) {
        return new Pair(
                "«" + d.titleKk() + "» өтініші қабылданды, іс № " + CaseReference.of(caseId) + ". Қазір: "
                        + titlesKk(first) + " — " + untilKk(stepDue) + ". Нәтиже " + untilKk(caseDue) + " беріледі.",
                "Заявление «" + d.titleRu() + "» принято, дело № " + CaseReference.of(caseId) + ". Сейчас: "
                        + titlesRu(first) + " — до " + when(stepDue) + ". Результат — до " + when(caseDue) + ".");
    }

    static Pair next(String doneKk, String doneRu, List<StepSpec> next, Instant due) {
        return new Pair(
                doneKk + " Келесі қадам: " + titlesKk(next) + " — " + untilKk(due) + ".",
                doneRu + " Следующий шаг: " + titlesRu(next) + " — до " + when(due) + ".");
    }

    /** As {@link #approved(ProcessDefinition, String, String)}, saying where the service hands the result out. */
    static Pair approved(ProcessDefinition d, String sender, String resultKk, String resultRu) {
        return d.handOutFor(sender)
                .map(w -> new Pair(
                        "«" + d.titleKk() + "» қызметі көрсетілді: " + resultKk + ". " + w.kk(),
                        "Услуга «" + d.titleRu() + "» оказана: " + resultRu + ". " + w.ru()))
                .orElseGet(() -> approved(d, resultKk, resultRu));
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
                        + "жазбаша түрде өткізіледі — " + untilKk(objectionDue)
                        + " ЭЦҚ қойылған қарсылықты консулдық мекеме "
                        + "немесе портал арқылы жіберіңіз; қарсылық болмаса, бас тарту түпкілікті болады.",
                "Предварительное решение об отказе: " + groundsRu + ". Уведомление о заслушивании: заслушивание "
                        + "проводится письменно — до " + when(objectionDue) + " направьте возражение, подписанное "
                        + "ЭЦП, через консульство или портал; без возражения отказ станет окончательным.");
    }

    static Pair objectionReceived(List<StepSpec> next, Instant due) {
        return new Pair(
                "Қарсылығыңыз қабылданды. Ішкі істер органы қайта қарайды: " + titlesKk(next) + " — " + untilKk(due)
                        + ".",
                "Ваше возражение принято. Орган внутренних дел рассматривает повторно: " + titlesRu(next) + " — до "
                        + when(due) + ".");
    }

    static Pair passedOver(StepSpec step) {
        return new Pair(
                step.titleKk() + ": белгіленген мерзімде жауап келмеді; шешім онсыз қабылданады.",
                step.titleRu() + ": ответ не поступил в установленный срок; решение принимается без него.");
    }

    static Pair undelivered(StepSpec step, int attempts) {
        return new Pair(
                step.titleKk() + ": сұрау мемлекеттік органға " + attempts + " рет жіберілді, бірақ жеткізілмеді. "
                        + "Жүйе операторларына хабарланды; іс тоқтатылған жоқ, сұрау қайта жіберілгенде жалғасады.",
                step.titleRu() + ": запрос в государственный орган не доставлен (попыток: " + attempts + "). Операторы "
                        + "системы оповещены; дело не прекращено и продолжится, когда запрос отправят повторно.");
    }

    static Pair overdue(StepSpec step, Instant due) {
        return new Pair(
                step.titleKk() + ": мерзімі (" + when(due) + ") өтті, мемлекеттік органның жауабы әлі күтілуде. "
                        + "Кешіктіруге шағым жасауға болады.",
                step.titleRu() + ": срок (" + when(due) + ") истёк, ответ государственного органа ещё ожидается. "
                        + "Задержку можно обжаловать.");
    }
}
