package kz.shlyuz.gateway.status;

import io.grpc.Status;

/**
 * Every reason the gateway refuses a call: the gRPC code it is sent with, the nearest ШЭП error
 * code (SCE…) for engineers who know ШЭП, and what a person should do, in Kazakh and Russian.
 * Messages may contain one {@code %s}, filled with a detail that carries no personal data.
 */
public enum Reason {
    MESSAGE_MALFORMED(Status.Code.INVALID_ARGUMENT, "SCE001",
            "Хабарлама пішімі дұрыс емес: %s. Сұрауды қайта қалыптастырып, қол қойыңыз.",
            "Сообщение не соответствует формату: %s. Сформируйте и подпишите запрос заново."),
    REQUEST_TOO_LARGE(Status.Code.RESOURCE_EXHAUSTED, "SCE001",
            "Сұрау тым үлкен: %s. Тіркелген құжаттарды азайтыңыз.",
            "Запрос слишком велик: %s. Уменьшите объём вложений."),
    SENDER_NOT_ALLOWED(Status.Code.PERMISSION_DENIED, "SCE003",
            "«%s» жүйесі шлюзге қосылмаған. Шлюз әкімшісіне хабарласыңыз.",
            "Система «%s» не подключена к шлюзу. Обратитесь к администратору шлюза."),
    SENDER_MISMATCH(Status.Code.UNAUTHENTICATED, "SCE003",
            "Хабарламадағы жіберуші TLS сертификатына сәйкес келмейді: %s.",
            "Отправитель в сообщении не совпадает с TLS-сертификатом: %s."),
    SERVICE_UNKNOWN(Status.Code.INVALID_ARGUMENT, "SCE004",
            "«%s» қызметі жоқ. Қызмет кодын тексеріңіз.",
            "Сервис «%s» не существует. Проверьте код сервиса."),
    SERVICE_NOT_ALLOWED(Status.Code.PERMISSION_DENIED, "SCE003",
            "Сіздің жүйеңізге «%s» қызметіне рұқсат берілмеген.",
            "Вашей системе не разрешён сервис «%s»."),
    SERVICE_IS_ASYNCHRONOUS(Status.Code.FAILED_PRECONDITION, "SCE004",
            "«%s» қызметі асинхронды: оны Submit арқылы жіберіңіз.",
            "Сервис «%s» асинхронный: отправляйте его через Submit."),
    BODY_INVALID(Status.Code.INVALID_ARGUMENT, "SCE001",
            "Сұрау деректері толық емес немесе қате: %s.",
            "Данные запроса неполны или неверны: %s."),
    IIN_INVALID(Status.Code.INVALID_ARGUMENT, "SCE001",
            "ЖСН дұрыс емес (%s): 12 цифр және дұрыс бақылау разряды болуы тиіс. ЖСН-ді тексеріңіз.",
            "Неверный ИИН (%s): нужны 12 цифр с верным контрольным разрядом. Проверьте ИИН."),
    BIN_INVALID(Status.Code.INVALID_ARGUMENT, "SCE001",
            "БСН дұрыс емес (%s): 12 цифр және дұрыс бақылау разряды болуы тиіс.",
            "Неверный БИН (%s): нужны 12 цифр с верным контрольным разрядом."),
    MESSAGE_STALE(Status.Code.INVALID_ARGUMENT, "SCE015",
            "Хабарламаның уақыты жарамсыз (%s). Сұрауды қазір қайта қалыптастырып, қол қойыңыз.",
            "Время сообщения недопустимо (%s). Сформируйте и подпишите запрос заново."),
    REPLAY_MISMATCH(Status.Code.ALREADY_EXISTS, "SCE001",
            "Бұл хабарлама идентификаторы басқа мазмұнмен қолданылған. Жаңа сұрауға жаңа идентификатор беріңіз.",
            "Этот идентификатор сообщения уже использован с другим содержимым. Дайте новому запросу новый идентификатор."),
    REQUEST_IN_PROGRESS(Status.Code.ABORTED, "SCE001",
            "Осы идентификатормен сұрау әлі өңделуде. Біраздан кейін қайталаңыз.",
            "Запрос с этим идентификатором ещё обрабатывается. Повторите позже."),
    SIGNATURE_MISSING(Status.Code.UNAUTHENTICATED, "SCE017",
            "Сұрауға ЭЦҚ қойылмаған. Сұрауға қол қойып, қайта жіберіңіз.",
            "Запрос не подписан ЭЦП. Подпишите запрос и отправьте снова."),
    SIGNATURE_MALFORMED(Status.Code.UNAUTHENTICATED, "SCE016",
            "ЭЦҚ пішімі оқылмады (%s). NCALayer арқылы қайта қол қойыңыз.",
            "Не удалось прочитать подпись (%s). Подпишите заново через NCALayer."),
    SIGNATURE_INVALID(Status.Code.UNAUTHENTICATED, "SCE016",
            "ЭЦҚ хабарламаның мазмұнына сәйкес келмейді: %s. Деректер өзгертілген болуы мүмкін; қайта қол қойыңыз.",
            "Подпись не соответствует содержимому: %s. Данные могли быть изменены; подпишите заново."),
    SIGNED_ATTRIBUTES_MISSING(Status.Code.UNAUTHENTICATED, "SCE016",
            "ЭЦҚ-да міндетті атрибут жоқ: %s.",
            "В подписи нет обязательного атрибута: %s."),
    ALGORITHM_UNSUPPORTED(Status.Code.UNAUTHENTICATED, "SCE016",
            "ЭЦҚ алгоритміне қолдау жоқ: %s. ҰКО кілтімен (RSA SHA-256 немесе ГОСТ) қол қойыңыз.",
            "Алгоритм подписи не поддерживается: %s. Подпишите ключом НУЦ (RSA SHA-256 или ГОСТ)."),
    SIGNER_CERT_MISSING(Status.Code.UNAUTHENTICATED, "SCE016",
            "Қол қоюшының сертификаты ЭЦҚ ішінде жоқ. Сертификатты қосып қол қойыңыз.",
            "В подписи нет сертификата подписанта. Подпишите с включением сертификата."),
    CERT_UNTRUSTED(Status.Code.UNAUTHENTICATED, "SCE016",
            "Сертификатты сенімді куәландырушы орталық бермеген: %s. ҰКО берген кілтті қолданыңыз.",
            "Сертификат выдан недоверенным удостоверяющим центром: %s. Используйте ключ НУЦ РК."),
    CERT_REVOKED(Status.Code.UNAUTHENTICATED, "SCE016",
            "Сертификат кері қайтарылған (%s). pki.gov.kz сайтында жаңа ЭЦҚ алыңыз.",
            "Сертификат отозван (%s). Получите новую ЭЦП на pki.gov.kz."),
    CERT_EXPIRED(Status.Code.UNAUTHENTICATED, "SCE015",
            "Сертификаттың мерзімі өткен немесе әлі басталмаған (%s). pki.gov.kz сайтында ЭЦҚ-ны жаңартыңыз.",
            "Срок действия сертификата истёк или ещё не начался (%s). Обновите ЭЦП на pki.gov.kz."),
    CERT_NOT_FOR_SIGNING(Status.Code.UNAUTHENTICATED, "SCE016",
            "Бұл аутентификация кілті (AUTH_RSA), қол қою үшін емес. Қол қою кілтімен (RSA256) қол қойыңыз.",
            "Это ключ аутентификации (AUTH_RSA), он не для подписи. Подпишите ключом подписи (RSA256)."),
    REVOCATION_UNKNOWN(Status.Code.UNAVAILABLE, "SCE016",
            "Сертификаттың кері қайтарылу мәртебесі анықталмады (%s). Кейінірек қайталаңыз.",
            "Не удалось проверить статус отзыва сертификата (%s). Повторите позже."),
    SIGNER_MISMATCH(Status.Code.PERMISSION_DENIED, "SCE016",
            "Қол қоюшы өтініш берушіге сәйкес келмейді: %s. Өтініш беруші өз ЭЦҚ-сымен қол қоюы тиіс.",
            "Подписант не совпадает с заявителем: %s. Заявитель должен подписать своей ЭЦП."),
    SUBJECT_NOT_FOUND(Status.Code.NOT_FOUND, "SCE004",
            "%s тізілімінде деректер табылмады. ХҚКО-ға жүгініңіз.",
            "Сведения не найдены в реестре %s. Обратитесь в ЦОН."),
    AGENCY_UNAVAILABLE(Status.Code.UNAVAILABLE, "SCE909",
            "Мемлекеттік органның жүйесі (%s) уақытша қолжетімсіз. Сұрауды кейінірек қайталаңыз.",
            "Система госоргана (%s) временно недоступна. Повторите запрос позже."),
    AGENCY_TIMEOUT(Status.Code.DEADLINE_EXCEEDED, "SCE909",
            "Мемлекеттік органның жүйесі (%s) уақытында жауап бермеді. Сұрауды кейінірек қайталаңыз.",
            "Система госоргана (%s) не ответила вовремя. Повторите запрос позже."),
    AGENCY_SIGNATURE_INVALID(Status.Code.UNAVAILABLE, "SCE909",
            "Мемлекеттік органның жауабындағы ЭЦҚ тексеруден өтпеді (%s). Жауап берілмейді; кейінірек қайталаңыз.",
            "Подпись в ответе госоргана не прошла проверку (%s). Ответ не выдан; повторите позже."),
    AGENCY_REFUSED(Status.Code.FAILED_PRECONDITION, "SCE909",
            "Мемлекеттік органның жүйесі сұрауды қабылдамады: %s.",
            "Система госоргана отклонила запрос: %s."),
    // Asynchronous services, cabinet and completion notices (issue 3).
    SERVICE_IS_SYNCHRONOUS(Status.Code.FAILED_PRECONDITION, "SCE004",
            "«%s» қызметі синхронды: оны Call арқылы жіберіңіз.",
            "Сервис «%s» синхронный: отправляйте его через Call."),
    CASE_NOT_FOUND(Status.Code.NOT_FOUND, "SCE004",
            "«%s» ісі табылмады немесе ол сіздің жүйеңізге тиесілі емес. Іс нөмірін тексеріңіз.",
            "Дело «%s» не найдено или не принадлежит вашей системе. Проверьте номер дела."),
    OBJECTION_NOT_EXPECTED(Status.Code.FAILED_PRECONDITION, "SCE004",
            "Бұл іс бойынша қазір қарсылық қабылданбайды (күйі: %s): алдын ала бас тарту жоқ немесе қарсылық мерзімі өтті.",
            "По этому делу сейчас возражение не принимается (состояние: %s): нет предварительного отказа или срок возражения истёк."),
    PORTAL_REASON_NOT_ACCEPTED(Status.Code.FAILED_PRECONDITION, "SCE004",
            "Порталда құжатты тек құжат түрі өзгергенде ауыстыруға болады (%s). ХҚКО-ға жүгініңіз.",
            "Через портал документ можно заменить только при смене типа документа (%s). Обратитесь в ЦОН."),
    CABINET_NOT_ALLOWED(Status.Code.PERMISSION_DENIED, "SCE003",
            "Жеке кабинетті тек портал азаматтың өзі үшін оқи алады (%s).",
            "Личный кабинет может читать только портал и только для самого гражданина (%s)."),
    CURSOR_INVALID(Status.Code.INVALID_ARGUMENT, "SCE001",
            "Курсор дұрыс емес (%s): соңғы алынған хабарламаның cursor мәнін беріңіз.",
            "Неверный курсор (%s): передайте cursor последнего полученного сообщения."),
    NOTICE_NOT_FOUND(Status.Code.NOT_FOUND, "SCE004",
            "«%s» хабарламасы табылмады немесе сіздің жүйеңізге арналмаған.",
            "Уведомление «%s» не найдено или адресовано не вашей системе."),
    // --- National-CA signatures: holder roles and operators (issue 4) ---------------------------
    SIGNER_ROLE_NOT_ALLOWED(Status.Code.PERMISSION_DENIED, "SCE016",
            "Сертификат иесінің рөлі бұл әрекетке рұқсат бермейді: %s. Тиісті құқығы бар адамның ЭЦҚ-сымен қол қойыңыз.",
            "Роль владельца сертификата не даёт права на это действие: %s. Подпишите ЭЦП лица с нужным правом."),
    OPERATOR_NOT_ENTITLED(Status.Code.PERMISSION_DENIED, "SCE016",
            "Қол қоюшы ұйым өтініш беруші атынан қол қоюға уәкілетті емес: %s. Уәкілетті ұйым операторының ЭЦҚ-сымен қол қойыңыз.",
            "Организация подписанта не уполномочена подписывать за заявителя: %s. Подпишите ЭЦП оператора уполномоченной организации."),
    TIMESTAMP_INVALID(Status.Code.UNAUTHENTICATED, "SCE016",
            "ЭЦҚ уақыт белгісі (TSP) тексеруден өтпеді: %s. Құжатқа қайта қол қойып, жаңа уақыт белгісін алыңыз.",
            "Метка времени (TSP) на подписи не прошла проверку: %s. Подпишите документ заново с новой меткой времени."),
    ANSWER_FORM_NOT_ALLOWED(Status.Code.PERMISSION_DENIED, "SCE003",
            "Жауап түрі «%s» сіздің жүйеңізге рұқсат етілмеген немесе белгісіз (shlyuz-answer-form тақырыбы). Тақырыпты алып тастаңыз немесе шлюз әкімшісінен рұқсат сұраңыз.",
            "Форма ответа «%s» не разрешена вашей системе или неизвестна (заголовок shlyuz-answer-form). Уберите заголовок или запросите разрешение у администратора шлюза."),
    INTERNAL_ERROR(Status.Code.INTERNAL, "SCE909",
            "Шлюздің ішкі қатесі (оқиға %s). Қолдау қызметіне осы нөмірмен хабарласыңыз.",
            "Внутренняя ошибка шлюза (инцидент %s). Сообщите этот номер в поддержку."),
    // --- Operations (issue 12) ---------------------------------------------------------------------
    MAINTENANCE(Status.Code.UNAVAILABLE, "SCE909",
            "Шлюздің бұл түйіні техникалық қызмет көрсету режимінде. Сұрауды біраздан кейін қайталаңыз (басқа түйін жауап береді).",
            "Этот узел шлюза в режиме обслуживания. Повторите запрос чуть позже (ответит другой узел).");

    private final Status.Code code;
    private final String shepCode;
    private final String kazakh;
    private final String russian;

    Reason(Status.Code code, String shepCode, String kazakh, String russian) {
        this.code = code;
        this.shepCode = shepCode;
        this.kazakh = kazakh;
        this.russian = russian;
    }

    public Status.Code code() {
        return code;
    }

    /** The nearest ШЭП error code, sent as ErrorInfo metadata {@code shep_code}. */
    public String shepCode() {
        return shepCode;
    }

    public String kazakh(String detail) {
        return kazakh.contains("%s") ? kazakh.formatted(detail) : kazakh;
    }

    public String russian(String detail) {
        return russian.contains("%s") ? russian.formatted(detail) : russian;
    }
}
