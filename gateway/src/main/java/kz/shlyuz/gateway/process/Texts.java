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

    /**
     * Most steps a message names one by one; a longer stage (the exit's seven checks) is counted
     * instead, so that the message stays short (11.10) — the cabinet lists every step with its term.
     */
    static final int NAMED_STEPS = 3;

    static String titlesKk(List<StepSpec> steps) {
        if (steps.size() > NAMED_STEPS) {
            return steps.size() + " тексеру (тізімі мен мерзімдері — жеке кабинетте)";
        }
        return steps.stream().map(StepSpec::titleKk).collect(Collectors.joining("; "));
    }

    static String titlesRu(List<StepSpec> steps) {
        if (steps.size() > NAMED_STEPS) {
            return steps.size() + " " + checksRu(steps.size()) + " (список и сроки — в личном кабинете)";
        }
        return steps.stream().map(StepSpec::titleRu).collect(Collectors.joining("; "));
    }

    /** «проверка» agreeing with its number: 1, 21 проверка; 2–4, 22–24 проверки; 5–20 проверок. */
    static String checksRu(int n) {
        int tens = n % 100;
        int units = n % 10;
        if (tens >= 11 && tens <= 14) {
            return "проверок";
        }
        return switch (units) {
            case 1 -> "проверка";
            case 2, 3, 4 -> "проверки";
            default -> "проверок";
        };
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
        if (d.guidance() != null) {
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
                        + "жазбаша түрде өткізіледі — " + untilKk(objectionDue)
                        + " ЭЦҚ қойылған қарсылықты консулдық мекеме "
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
                        + untilKk(noticeDue) + " алдын ала шешім жобасын және тыңдау туралы хабарламаны "
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
                        + "түрде өткізіледі: " + untilKk(objectionDue) + " қарсылықты және оны растайтын "
                        + "материалдарды " + h.channelKk() + ". Қарсылық болмаса, бас тарту түпкілікті болады."
                        + (late ? " Хабарлама белгіленген мерзімнен кеш жіберілді." : ""),
                "Проект предварительного решения и уведомление о заслушивании вручены " + day(on) + ". Заслушивание "
                        + "проводится письменно: до " + when(objectionDue) + " возражение и подтверждающие материалы "
                        + h.channelRu() + ". Без возражения отказ станет окончательным."
                        + (late ? " Уведомление направлено позже установленного срока." : ""));
    }

    /** 001 §11 ¶1–2: the consulate's term for the draft and hearing notice passed: a term was broken. */
    static Pair hearingNoticeOverdue(ProcessDefinition d, Instant due) {
        String appealKk = d.guidance() != null ? " " + d.guidance().appealKk() : "";
        String appealRu = d.guidance() != null ? " " + d.guidance().appealRu() : "";
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
