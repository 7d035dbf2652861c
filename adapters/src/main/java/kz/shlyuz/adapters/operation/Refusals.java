package kz.shlyuz.adapters.operation;

import io.grpc.Status;
import java.util.Map;

/**
 * The refusals an adapter answers with. Reasons are fixed names other systems match on; where
 * a refusal corresponds to a ШЭП error code, the {@code shep_code} metadata gives it.
 */
public final class Refusals {
    /** ШЭП SCE001: the message does not match the format. */
    private static final Map<String, String> FORMAT = Map.of("shep_code", "SCE001");

    private Refusals() {}

    public static Refusal operationUnknown(String agency, String operation) {
        String shown = printable(operation);
        return new Refusal(
                Status.Code.INVALID_ARGUMENT,
                "OPERATION_UNKNOWN",
                agency + " жүйесі \"" + shown
                        + "\" операциясын орындамайды; оның операцияларының тізімін Describe береді",
                "Система " + agency + " не выполняет операцию \"" + shown
                        + "\"; список её операций возвращает Describe",
                Map.of("shep_code", "SCE004", "agency", agency));
    }

    /**
     * The body is missing, of another type, unreadable, or a field is malformed.
     *
     * @param expectedType the body message the operation takes, e.g. {@code shlyuz.v1.SubjectCheck}
     * @param problemKk / problemRu what is wrong with it
     */
    public static Refusal bodyInvalid(String operation, String expectedType, String problemKk, String problemRu) {
        return new Refusal(
                Status.Code.INVALID_ARGUMENT,
                "BODY_INVALID",
                operation + " операциясының денесі " + expectedType + " болуы тиіс: " + problemKk,
                "Тело операции " + operation + " должно быть " + expectedType + ": " + problemRu,
                FORMAT);
    }

    public static Refusal iinInvalid(String field) {
        return new Refusal(
                Status.Code.INVALID_ARGUMENT,
                "IIN_INVALID",
                "\"" + field + "\" өрісіндегі ЖСН 12 цифрдан тұруы және бақылау разряды дұрыс болуы тиіс",
                "ИИН в поле \"" + field + "\" должен состоять из 12 цифр с верным контрольным разрядом",
                FORMAT);
    }

    public static Refusal binInvalid(String field) {
        return new Refusal(
                Status.Code.INVALID_ARGUMENT,
                "BIN_INVALID",
                "\"" + field + "\" өрісіндегі БСН 12 цифрдан тұруы және бақылау разряды дұрыс болуы тиіс",
                "БИН в поле \"" + field + "\" должен состоять из 12 цифр с верным контрольным разрядом",
                FORMAT);
    }

    /**
     * The register holds no such subject.
     *
     * @param registerKk / registerRu the register's name, e.g. "ЖТ МДБ" / "ГБД ФЛ"
     * @param subjectKk / subjectRu what was looked for, e.g. "көрсетілген ЖСН" / "указанному ИИН"
     */
    public static Refusal subjectNotFound(
            String agency, String registerKk, String registerRu, String subjectKk, String subjectRu) {
        return new Refusal(
                Status.Code.NOT_FOUND,
                "SUBJECT_NOT_FOUND",
                registerKk + " тізілімінде " + subjectKk + " бойынша мәлімет жоқ; нөмірді тексеріңіз",
                "В реестре " + registerRu + " нет сведений по " + subjectRu + "; проверьте номер",
                Map.of("agency", agency));
    }

    public static Refusal requestIdInvalid() {
        return new Refusal(
                Status.Code.INVALID_ARGUMENT,
                "REQUEST_ID_INVALID",
                "request_id бос болмауы және [A-Za-z0-9._:-] таңбаларынан тұратын 64 таңбадан аспауы тиіс",
                "request_id должен быть непустым, не длиннее 64 символов из набора [A-Za-z0-9._:-]",
                FORMAT);
    }

    public static Refusal requestIdReused(String agency) {
        return new Refusal(
                Status.Code.FAILED_PRECONDITION,
                "REQUEST_ID_REUSED",
                "Бұл request_id басқа сұрауға берілген; жаңа сұрауға жаңа идентификатор беріңіз",
                "Этот request_id уже использован для другого запроса; для нового запроса нужен новый идентификатор",
                Map.of("agency", agency));
    }

    public static Refusal callerUnknown() {
        return new Refusal(
                Status.Code.UNAUTHENTICATED,
                "CALLER_UNKNOWN",
                "Шақырушының TLS сертификаты анықталмады; өзара TLS арқылы қосылыңыз",
                "Не удалось определить TLS-сертификат вызывающей системы; подключайтесь по взаимному TLS",
                Map.of());
    }

    public static Refusal callerNotAllowed(String agency, String caller) {
        String shown = printable(caller);
        return new Refusal(
                Status.Code.PERMISSION_DENIED,
                "CALLER_NOT_ALLOWED",
                "\"" + shown + "\" жүйесі " + agency + " ведомстволық жүйесіне тікелей жүгіне алмайды;"
                        + " сұрауларды шлюз арқылы жіберіңіз",
                "Система \"" + shown + "\" не может обращаться к ведомственной системе " + agency
                        + " напрямую; направляйте запросы через шлюз",
                Map.of("agency", agency, "caller", shown));
    }

    public static Refusal internal(String agency) {
        return new Refusal(
                Status.Code.INTERNAL,
                "INTERNAL_ERROR",
                agency + " жүйесінде ішкі қате болды; сұрауды кейінірек қайталаңыз",
                "Внутренняя ошибка в системе " + agency + "; повторите запрос позже",
                Map.of("shep_code", "SCE909", "agency", agency));
    }

    /** Caller-supplied text quoted back in a refusal: bounded and free of control characters. */
    public static String printable(String text) {
        String cut = text.length() > 64 ? text.substring(0, 64) + "…" : text;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
