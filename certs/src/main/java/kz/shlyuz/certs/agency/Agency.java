package kz.shlyuz.certs.agency;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import kz.shlyuz.certs.identity.Organisation;

/**
 * The agency information systems Shlyuz routes to, each declared once. The declaration drives the
 * dev PKI's identities ({@code tls-<name>}, {@code agency-<name>}), the adapters {@code ./shlyuz
 * serve} and {@code ./shlyuz adapter <name>} start, and the gateway's default adapter
 * configuration. Adding an agency means one constant here plus its operations in the adapters.
 *
 * <p>The order is that of the dev PKI's index and of the default ports.
 */
public enum Agency {
    GBD_FL(
            "gbd-fl",
            "ЖТ МДБ",
            Organisation.JUSTICE,
            9101,
            "\"Жеке тұлғалар\" мемлекеттік деректер базасы (ЖТ МДБ)",
            "Государственная база данных \"Физические лица\" (ГБД ФЛ)",
            List.of(Signatory.INTERNAL_AFFAIRS, Signatory.JUSTICE),
            "ADDRESS_LOOKUP",
            "DWELLING_OWNER_CHECK"),
    GBD_UL(
            "gbd-ul",
            "ЗТ МДБ",
            Organisation.JUSTICE,
            9102,
            "\"Заңды тұлғалар\" мемлекеттік деректер базасы (ЗТ МДБ)",
            "Государственная база данных \"Юридические лица\" (ГБД ЮЛ)",
            List.of(Signatory.INTERNAL_AFFAIRS, Signatory.JUSTICE),
            "ADDRESS_LOOKUP"),
    KPSISU(
            "kpsisu",
            "ҚР БП ҚСжАЕК",
            Organisation.INTERNAL_AFFAIRS,
            9103,
            "ҚР Бас прокуратурасының Құқықтық статистика және арнайы есепке алу жөніндегі комитеті" + " (ҚР БП ҚСжАЕК)",
            "Комитет по правовой статистике и специальным учётам Генеральной прокуратуры РК" + " (КПСиСУ ГП РК)",
            List.of(),
            "CRIMINAL_RECORD_CHECK",
            "WANTED_CHECK"),
    KNB(
            "knb",
            "ҰҚК",
            Organisation.INTERNAL_AFFAIRS,
            9104,
            "ҚР Ұлттық қауіпсіздік комитеті (ҰҚК)",
            "Комитет национальной безопасности РК (КНБ)",
            List.of(),
            "STATE_SECRETS_CHECK"),
    SAOD(
            "saod",
            "САОД",
            Organisation.JUSTICE,
            9105,
            "Сот актілерін орындау органдарының ақпараттық жүйесі (САОД)",
            "Информационная система органов исполнения судебных актов (САОД)",
            List.of(),
            "COURT_OBLIGATIONS_CHECK",
            "RIGHT_OF_USE_DECISION_CHECK"),
    TAX(
            "tax",
            "СД",
            Organisation.INTERNAL_AFFAIRS,
            9106,
            "ҚР Қаржы министрлігі Мемлекеттік кірістер комитетінің салық департаменті (СД)",
            "Департамент государственных доходов Комитета государственных доходов МФ РК (налоговый орган)",
            List.of(),
            "TAX_DEBT_CHECK"),
    MILITARY(
            "military",
            "ҚБ",
            Organisation.INTERNAL_AFFAIRS,
            9107,
            "Қорғаныс істері жөніндегі басқарма (ҚБ)",
            "Управление по делам обороны (УДО)",
            List.of(),
            "MILITARY_REGISTRATION_CHECK",
            "MILITARY_REGISTRATION_LOOKUP",
            "MILITARY_DEREGISTRATION"),
    MIGRATION(
            "migration",
            "ІІМ көші-қон қызметі",
            Organisation.INTERNAL_AFFAIRS,
            9108,
            "ҚР ІІМ көші-қон қызметінің ақпараттық жүйесі",
            "Информационная система миграционной службы МВД РК",
            List.of(),
            "EXIT_RESTRICTION_CHECK",
            "MIGRANT_RECORD_CHECK",
            "EXIT_PERMIT_ISSUE",
            "LABOUR_PERMIT_ISSUE",
            "LABOUR_PERMIT_EXTEND",
            "PERMANENT_STAY_NOTIFICATION",
            "OBJECTION_REVIEW"),
    MVD_DOCS(
            "mvd-docs",
            "ХҚТ ТП АЖ",
            Organisation.INTERNAL_AFFAIRS,
            9109,
            "ҚР ІІМ Халықты құжаттандыру және тіркеу пунктінің автоматтандырылған жүйесі (ХҚТ ТП АЖ)",
            "Автоматизированная система пунктов документирования и регистрации населения МВД РК",
            List.of(),
            "DOCUMENTS_LOOKUP",
            "RESIDENCE_REGISTRATION",
            "RESIDENCE_DEREGISTRATION",
            "RESIDENCE_CHANGE",
            "TEMPORARY_ID_ISSUE",
            "DOCUMENT_ISSUE",
            "DECLARED_DOCUMENTS_CHECK"),
    AEO(
            "aeo",
            "\"АӨО\" РМК",
            Organisation.INTERNAL_AFFAIRS,
            9110,
            "ҚР ІІМ \"Ақпараттық-өндірістік орталығы\" РМК (\"АӨО\" РМК)",
            "РГП \"Информационно-производственный центр\" МВД РК",
            List.of(),
            "DOCUMENT_STATUS",
            "DOCUMENT_MANUFACTURE"),
    /**
     * The public-services monitoring information system (001 §14): receives every stage of every
     * case. The real system belongs to the authority for the quality of public services; in the
     * dev PKI its signing certificate borrows the MVD's BIN, as the tax department's does.
     */
    MONITORING(
            "monitoring",
            "МҚКМ АЖ",
            Organisation.INTERNAL_AFFAIRS,
            9111,
            "Мемлекеттік қызметтер көрсету мониторингінің ақпараттық жүйесі",
            "Информационная система мониторинга оказания государственных услуг",
            List.of(),
            "STAGE_REPORT");

    /** Prefix of an agency's own signing identity in the dev PKI: {@code agency-gbd-fl}. */
    public static final String SIGNING_PREFIX = "agency-";

    private static final Map<String, Agency> BY_ID =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Agency::id, Function.identity()));

    private final String id;
    private final String commonName;
    private final Organisation organisation;
    private final int defaultPort;
    private final String titleKk;
    private final String titleRu;
    private final List<Signatory> answerSignatories;
    private final List<String> operations;

    Agency(
            String id,
            String commonName,
            Organisation organisation,
            int defaultPort,
            String titleKk,
            String titleRu,
            List<Signatory> answerSignatories,
            String... operations) {
        this.id = Objects.requireNonNull(id, "id");
        this.commonName = commonName;
        this.organisation = organisation;
        this.defaultPort = defaultPort;
        this.titleKk = titleKk;
        this.titleRu = titleRu;
        this.answerSignatories = List.copyOf(answerSignatories);
        this.operations = List.of(operations);
        if (this.operations.isEmpty() || Set.copyOf(this.operations).size() != this.operations.size()) {
            throw new IllegalArgumentException(
                    id + ".operations: " + this.operations + " (expected: at least one, names unique)");
        }
    }

    /** The short name, e.g. {@code gbd-fl}: the TLS CN, the configuration key, the CLI's argument. */
    public String id() {
        return id;
    }

    /** The short name its own signing certificate carries as CN, e.g. {@code ЖТ МДБ}. */
    public String commonName() {
        return commonName;
    }

    /** The organisation whose BIN its own signing certificate carries (some borrow their ministry's). */
    public Organisation organisation() {
        return organisation;
    }

    /** The loopback port it listens on by default. */
    public int defaultPort() {
        return defaultPort;
    }

    /** Its full name in Kazakh. */
    public String titleKk() {
        return titleKk;
    }

    /** Its full name in Russian. */
    public String titleRu() {
        return titleRu;
    }

    /** The operations it serves, by name, in the order it lists them. */
    public List<String> operations() {
        return operations;
    }

    /** True when it serves {@code operation}. */
    public boolean serves(String operation) {
        return operations.contains(operation);
    }

    /** Its own signing identity in the dev PKI: {@code agency-<id>}. */
    public String signingIdentity() {
        return SIGNING_PREFIX + id;
    }

    /**
     * The ministries that sign its answers in its stead; empty when it signs them with its own
     * {@link #signingIdentity()}.
     */
    public List<Signatory> answerSignatories() {
        return answerSignatories;
    }

    /** The dev PKI's signing identities whose signatures its answers carry, in order. */
    public List<String> answerSigners() {
        return answerSignatories.isEmpty()
                ? List.of(signingIdentity())
                : answerSignatories.stream().map(Signatory::identity).toList();
    }

    /**
     * The BINs the gateway requires, by default, to have signed every answer: the ministries'
     * for an agency they sign for; none (any trusted agency certificate) otherwise.
     */
    public Set<String> requiredSignerBins() {
        return answerSignatories.stream()
                .map(s -> s.organisation().bin().value())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The agency with this short name. */
    public static Optional<Agency> named(String id) {
        return Optional.ofNullable(id == null ? null : BY_ID.get(id));
    }

    /** The agency with this short name, or an error naming the known ones. */
    public static Agency require(String id) {
        return named(id)
                .orElseThrow(() -> new IllegalArgumentException(
                        "agency: " + id + " (expected: one of " + String.join(", ", ids()) + ")"));
    }

    /** Every short name, in declaration order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(Agency::id).toList();
    }
}
