package kz.shlyuz.adapters.agency;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import kz.shlyuz.adapters.address.LegalEntityAddressLookup;
import kz.shlyuz.adapters.address.PersonAddressLookup;
import kz.shlyuz.adapters.check.GroundsCheck;
import kz.shlyuz.adapters.consular.ObjectionReviewOperation;
import kz.shlyuz.adapters.consular.ObjectionReviews;
import kz.shlyuz.adapters.consular.PermanentStayNotification;
import kz.shlyuz.adapters.documents.DeclaredDocumentsOperation;
import kz.shlyuz.adapters.documents.IdentityDocumentsLookup;
import kz.shlyuz.adapters.documents.ProductionStatusLookup;
import kz.shlyuz.adapters.effect.EffectLedger;
import kz.shlyuz.adapters.effect.EffectOperation;
import kz.shlyuz.adapters.military.MilitaryRegistrationCheck;
import kz.shlyuz.adapters.military.MilitaryStatusLookup;
import kz.shlyuz.adapters.operation.Operation;
import kz.shlyuz.adapters.operation.RegisterName;
import kz.shlyuz.adapters.registry.DocumentRegister;
import kz.shlyuz.adapters.registry.DwellingRegister;
import kz.shlyuz.adapters.registry.FixtureException;
import kz.shlyuz.adapters.registry.FixtureLoader;
import kz.shlyuz.adapters.registry.FixtureNode;
import kz.shlyuz.adapters.registry.GroundsRegister;
import kz.shlyuz.adapters.registry.LegalEntityRegister;
import kz.shlyuz.adapters.registry.MilitaryRecord;
import kz.shlyuz.adapters.registry.MilitaryRegister;
import kz.shlyuz.adapters.registry.ProductionRegister;
import kz.shlyuz.adapters.registry.ResidenceRegister;
import kz.shlyuz.adapters.registry.RightOfUseDecisions;
import kz.shlyuz.adapters.residence.DwellingOwnerCheckOperation;
import kz.shlyuz.adapters.residence.ResidenceBook;
import kz.shlyuz.adapters.residence.ResidenceChangeOperation;
import kz.shlyuz.adapters.residence.RightOfUseDecisionCheckOperation;
import kz.shlyuz.certs.agency.Agency;
import kz.shlyuz.certs.identity.Persona;

/**
 * Builds each agency's definition from its fixture file: the agency registry ({@link Agency})
 * names the agency, its titles, operations and answer signers; this class maps each operation
 * name to its implementation.
 */
public final class AgencyCatalog {
    private static final Set<String> KPSISU_CHECKS = Set.of("CRIMINAL_RECORD_CHECK", "WANTED_CHECK");

    private AgencyCatalog() {}

    /**
     * Loads the agency's fixtures and assembles its operations.
     *
     * @throws IllegalArgumentException for a name not in the registry ({@link Agency#ids()})
     * @throws FixtureException when its fixture file is missing or malformed
     */
    public static AgencyDefinition assemble(String agency) {
        Agency declared = Agency.require(agency);
        String titleKk = declared.titleKk();
        String titleRu = declared.titleRu();
        FixtureNode fixture = FixtureLoader.load(agency);
        // A switch over the registry's constants: an agency declared without operations here does not compile.
        return switch (declared) {
            case GBD_FL ->
                new AgencyDefinition(
                        agency,
                        titleKk,
                        titleRu,
                        declared.answerSigners(),
                        List.of(
                                new PersonAddressLookup(
                                        new RegisterName(agency, "ЖТ МДБ", "ГБД ФЛ"),
                                        everyPersonaRegistered(ResidenceRegister.read(fixture), fixture)),
                                new DwellingOwnerCheckOperation(DwellingRegister.read(fixture))));
            case GBD_UL ->
                new AgencyDefinition(
                        agency,
                        titleKk,
                        titleRu,
                        declared.answerSigners(),
                        List.of(new LegalEntityAddressLookup(
                                new RegisterName(agency, "ЗТ МДБ", "ГБД ЮЛ"), LegalEntityRegister.read(fixture))));
            case KPSISU -> checks(agency, titleKk, titleRu, fixture, KPSISU_CHECKS);
            case KNB -> checks(agency, titleKk, titleRu, fixture, Set.of("STATE_SECRETS_CHECK"));
            case SAOD ->
                withEffects(
                        checks(agency, titleKk, titleRu, fixture, Set.of("COURT_OBLIGATIONS_CHECK")),
                        List.of(new RightOfUseDecisionCheckOperation(RightOfUseDecisions.read(fixture))));
            case TAX -> checks(agency, titleKk, titleRu, fixture, Set.of("TAX_DEBT_CHECK"));
            case MIGRATION ->
                withEffects(
                        checks(
                                agency,
                                titleKk,
                                titleRu,
                                fixture,
                                // 003 §7.2: the internal-affairs databases a labour migrant is checked against.
                                Set.of("EXIT_RESTRICTION_CHECK", "MIGRANT_RECORD_CHECK")),
                        withEffects(
                                migrationEffects(new EffectLedger(agency)),
                                // 001 §11: the police department decides again on an objection.
                                List.of(new ObjectionReviewOperation(ObjectionReviews.read(fixture)))));
            case MILITARY -> {
                MilitaryRegister register = MilitaryRegister.read(fixture);
                EffectLedger ledger = new EffectLedger(agency);
                yield new AgencyDefinition(
                        agency,
                        titleKk,
                        titleRu,
                        ownSigner(agency),
                        List.of(
                                new MilitaryRegistrationCheck(register),
                                new MilitaryStatusLookup(new RegisterName(agency, "ҚБ", "УДО"), register),
                                new EffectOperation(
                                        "MILITARY_DEREGISTRATION",
                                        "QB",
                                        "Әскери есептен шығарылды, анықтама",
                                        "Снят с воинского учёта, справка",
                                        ledger,
                                        // 000 action 12: only someone on the register hands in a military ID.
                                        iin -> register.find(iin)
                                                .map(MilitaryRecord::onTheRegister)
                                                .orElse(false),
                                        "Әскери есепте тұрмайды: әскери есептен шығару қажет емес",
                                        "На воинском учёте не состоит: снятие с учёта не требуется")));
            }
            case MVD_DOCS ->
                new AgencyDefinition(
                        agency,
                        titleKk,
                        titleRu,
                        ownSigner(agency),
                        withEffects(
                                documentChecks(
                                        new RegisterName(agency, "ХҚТ ТП АЖ", "АС ДРН МВД"),
                                        DocumentRegister.read(fixture)),
                                documentationEffects(new EffectLedger(agency))));
            case AEO ->
                new AgencyDefinition(
                        agency,
                        titleKk,
                        titleRu,
                        ownSigner(agency),
                        withEffects(
                                List.of(new ProductionStatusLookup(
                                        new RegisterName(agency, "\"АӨО\" РМК", "РГП \"ИПЦ\""),
                                        ProductionRegister.read(fixture))),
                                List.of(new EffectOperation(
                                        "DOCUMENT_MANUFACTURE",
                                        "AEO",
                                        "Құжат дайындалды, бөлімшеге жөнелтілді",
                                        "Документ изготовлен и отправлен в подразделение",
                                        new EffectLedger(agency)))));
            // 001 §14: it registers reports and holds no fixture records (its file says so).
            case MONITORING ->
                new AgencyDefinition(
                        agency,
                        titleKk,
                        titleRu,
                        ownSigner(agency),
                        List.of(new kz.shlyuz.adapters.monitoring.StageReportOperation(
                                new kz.shlyuz.adapters.monitoring.StageReportLedger())));
        };
    }

    /**
     * A check agency: one {@link GroundsCheck} per operation. The fixture may only hold grounds
     * under those operations, so that a typo in an operation name cannot silently clear people.
     */
    private static AgencyDefinition checks(
            String agency, String titleKk, String titleRu, FixtureNode fixture, Set<String> checkNames) {
        GroundsRegister grounds = GroundsRegister.read(fixture);
        for (String listed : grounds.operations()) {
            if (!checkNames.contains(listed)) {
                throw fixture.failure("grounds." + listed + " (expected: one of " + checkNames + ")");
            }
        }
        List<Operation<?>> operations = checkNames.stream()
                .sorted()
                .<Operation<?>>map(name -> new GroundsCheck(name, grounds))
                .toList();
        return new AgencyDefinition(agency, titleKk, titleRu, ownSigner(agency), operations);
    }

    private static AgencyDefinition withEffects(AgencyDefinition base, List<Operation<?>> effects) {
        return new AgencyDefinition(
                base.name(), base.titleKk(), base.titleRu(), base.signers(), withEffects(base.operations(), effects));
    }

    private static List<Operation<?>> withEffects(List<Operation<?>> operations, List<Operation<?>> effects) {
        List<Operation<?>> all = new ArrayList<>(operations);
        all.addAll(effects);
        return all;
    }

    /** The migration service's decisions (000/002, 001, 003). */
    private static List<Operation<?>> migrationEffects(EffectLedger ledger) {
        return List.of(
                new EffectOperation(
                        "EXIT_PERMIT_ISSUE",
                        "EX",
                        "Тұрақты тұруға шығуға рұқсат ресімделді",
                        "Оформлено разрешение на выезд на постоянное жительство",
                        ledger),
                new EffectOperation(
                        "LABOUR_PERMIT_ISSUE",
                        "WP",
                        "Еңбекші көшіп келушіге рұқсат берілді",
                        "Выдано разрешение трудовому мигранту",
                        ledger),
                new EffectOperation(
                        "LABOUR_PERMIT_EXTEND",
                        "WPX",
                        "Еңбекші көшіп келушіге рұқсат ұзартылды",
                        "Разрешение трудовому мигранту продлено",
                        ledger),
                // 001 annex 4: the police department's decision number and date, and where to collect it.
                new PermanentStayNotification(ledger));
    }

    /** ХҚТ ТП АЖ: registrations and documents (004 annexes 1–4). */
    private static List<Operation<?>> documentationEffects(EffectLedger ledger) {
        ResidenceBook book = new ResidenceBook(ledger, ResidenceRegister.read(FixtureLoader.load(Agency.GBD_FL.id())));
        return List.of(
                new EffectOperation(
                        "RESIDENCE_REGISTRATION",
                        "REG",
                        "Тұрғылықты жері бойынша тіркелді",
                        "Зарегистрирован по месту жительства",
                        ledger),
                // 004 annexes 3 and 4: registrations live in the book, a change of address is one act.
                new ResidenceChangeOperation(ResidenceChangeOperation.Act.DEREGISTRATION, book),
                new ResidenceChangeOperation(ResidenceChangeOperation.Act.CHANGE, book),
                new EffectOperation(
                        "TEMPORARY_ID_ISSUE",
                        "TID",
                        "Уақытша жеке куәлік берілді",
                        "Выдано временное удостоверение личности",
                        ledger),
                new EffectOperation(
                        "DOCUMENT_ISSUE",
                        "DOC",
                        "Құжат дайын, беру орнына жеткізілді",
                        "Документ готов и доставлен к месту выдачи",
                        ledger));
    }

    /** ХҚТ ТП АЖ's answers from its documents: the lookup, and the questionnaire's documents compared (002 §3.6). */
    private static List<Operation<?>> documentChecks(RegisterName name, DocumentRegister documents) {
        return List.of(new IdentityDocumentsLookup(name, documents), new DeclaredDocumentsOperation(name, documents));
    }

    /** The signing identities the registry names for its answers ({@code agency-<name>} for all but ЖТ/ЗТ МДБ). */
    private static List<String> ownSigner(String agency) {
        return Agency.require(agency).answerSigners();
    }

    /** ЖТ МДБ holds every citizen: a persona missing from it is a broken fixture. */
    private static ResidenceRegister everyPersonaRegistered(ResidenceRegister register, FixtureNode fixture) {
        List<String> missing = Arrays.stream(Persona.values())
                .filter(p -> !register.iins().contains(p.iin().value()))
                .map(Persona::key)
                .toList();
        if (!missing.isEmpty()) {
            throw fixture.failure("persons lacks " + missing + " (expected: every Persona)");
        }
        return register;
    }
}
