package kz.shlyuz.gateway.services;

import static kz.shlyuz.gateway.services.Orders.order;

import com.google.protobuf.Message;
import java.util.List;
import java.util.function.Function;
import kz.shlyuz.certs.agency.Agency;
import kz.shlyuz.gateway.calendar.Term;
import kz.shlyuz.gateway.status.Reason;
import kz.shlyuz.gateway.status.Refusal;
import kz.shlyuz.proto.v1.LabourMigrantPermitRequest;

/**
 * 3. Labour-migrant permit, issue and extension (003). §7.2: the documents are checked against the
 * internal-affairs databases and ҚСжАЕК's (convictions, wanted persons) within 1 hour — three checks
 * in parallel; §7.3–7.4: the permit entered, printed and marked in 2 hours and signed by the head
 * in 20 minutes. Every term is the provider's office time ({@link Term#workingHours}): 003 writes
 * hours and minutes of a unit that works 9:00–18:30, so an hour at night or on a Sunday does not
 * run out. The two services share this process and differ in channel, signers, the effect and
 * the title.
 *
 * <p>§12.5 / §12.9: the State Corporation's collector carries the paper documents to the provider
 * and the permits back; the seed gives that carriage no term and it is a physical act outside the
 * gateway, so the 1-hour check counts from the Submit (the electronic documents arrive with it).
 */
final class LabourMigrantPermit {
    private LabourMigrantPermit() {}

    /** Issue, through the State Corporation only (003 §3). */
    static ServiceDefinition issue() {
        return process(
                ServiceDefinition.builder(Service.LABOUR_MIGRANT_PERMIT, LabourMigrantPermitRequest.class)
                        .title("Еңбекші көшіп келушіге рұқсат беру", "Выдача разрешения трудовому мигранту")
                        .senders(Sender.HKKO)
                        .applicants(r -> Applicants.individuals(r.getMigrantIin()))
                        .intake((sender, body) -> sane((LabourMigrantPermitRequest) body, false))
                        .secondParty(new SecondParty(
                                new Wording(
                                        "Сіз еңбекші көшіп келушінің жұмыс берушісі ретінде көрсетілгенсіз.",
                                        "Вы указаны работодателем трудового мигранта."),
                                new Wording(
                                        "Сізден әрекет талап етілмейді; шешім туралы осында хабарланады.",
                                        "От вас действий не требуется; о решении сообщим здесь."))),
                "LABOUR_PERMIT_ISSUE");
    }

    /**
     * Extension: through the portal with the migrant's and the employer's signatures (003 §13), or
     * through the State Corporation, whose operator signs after taking both in person (003 §3).
     */
    static ServiceDefinition extension() {
        return process(
                ServiceDefinition.builder(Service.LABOUR_MIGRANT_PERMIT_EXTENSION, LabourMigrantPermitRequest.class)
                        .title("Еңбекші көшіп келушіге рұқсатты ұзарту", "Продление разрешения трудовому мигранту")
                        .senders(Sender.EGOV_PORTAL, Sender.HKKO)
                        // An empty employer is not a signer: the intake rule then says what is missing
                        // instead of the admission's IIN_INVALID for an empty IIN.
                        .applicants(r -> r.getEmployerIin().isEmpty()
                                ? Applicants.individuals(r.getMigrantIin())
                                : Applicants.individuals(r.getMigrantIin(), r.getEmployerIin()))
                        .intake((sender, body) -> sane((LabourMigrantPermitRequest) body, true))
                        .secondParty(new SecondParty(
                                new Wording(
                                        "Сіз еңбекші көшіп келушінің жұмыс берушісі ретінде рұқсатты ұзартуға келісім бердіңіз.",
                                        "Вы как работодатель дали согласие на продление разрешения трудовому мигранту."),
                                new Wording(
                                        "Сізден басқа әрекет талап етілмейді; шешім туралы осында хабарланады.",
                                        "Других действий от вас не требуется; о решении сообщим здесь."))),
                "LABOUR_PERMIT_EXTEND");
    }

    /**
     * The request's own sense, before a case is opened: the months 1–12 the body promises, the
     * permit and the employer an extension is about, and the consent 003 §12.3 requires.
     */
    static void sane(LabourMigrantPermitRequest r, boolean extension) {
        if (r.getMonths() < 1 || r.getMonths() > 12) {
            throw new Refusal(Reason.LABOUR_PERMIT_MONTHS_INVALID, Integer.toString(r.getMonths()));
        }
        if (extension && r.getPermitNumber().isBlank()) {
            throw new Refusal(Reason.LABOUR_PERMIT_NUMBER_MISSING, "permit_number");
        }
        if (extension && r.getEmployerIin().isEmpty()) {
            throw new Refusal(Reason.LABOUR_PERMIT_EMPLOYER_MISSING, "employer_iin");
        }
        if (!r.getProtectedDataConsent()) {
            throw new Refusal(Reason.LABOUR_PERMIT_CONSENT_MISSING, "protected_data_consent");
        }
    }

    private static ServiceDefinition process(
            ServiceDefinition.Builder<LabourMigrantPermitRequest> service, String effect) {
        Function<CaseFacts, Message> check = Orders::subjectCheck;
        return service.parties(r -> r.getEmployerIin().isEmpty()
                        ? List.of(r.getMigrantIin())
                        : List.of(r.getMigrantIin(), r.getEmployerIin()))
                // §7.2 + §7.3 + §7.4: 60 + 120 + 20 minutes of office time.
                .caseTerm(r -> Term.workingMinutes(200))
                .dueAfterStages()
                // §12.8 / §12.9: the permit goes back to the State Corporation; through the portal
                // the extension is an entry in the register the migrant reads in the cabinet.
                .handOut(sender -> sender.equals(Sender.HKKO.id())
                        ? new Wording(
                                "Рұқсатты өтініш берген халыққа қызмет көрсету орталығынан алыңыз.",
                                "Разрешение получите в ЦОНе, где подано заявление.")
                        : new Wording(
                                "Ұзарту туралы мәлімет жеке кабинетіңізде.",
                                "Сведения о продлении — в вашем личном кабинете."))
                .stage(
                        new StepSpec(
                                "CRIMINAL_RECORD_CHECK",
                                StepKind.CHECK,
                                Agency.KPSISU,
                                "CRIMINAL_RECORD_CHECK",
                                check,
                                Term.workingHours(1),
                                "Соттылық туралы мәліметтер тексеріледі",
                                "Проверяются сведения о судимости"),
                        new StepSpec(
                                "WANTED_CHECK",
                                StepKind.CHECK,
                                Agency.KPSISU,
                                "WANTED_CHECK",
                                check,
                                Term.workingHours(1),
                                "Іздестірудегі адамдардың есебі тексеріледі",
                                "Проверяется учёт лиц, находящихся в розыске"),
                        // §7.2: «ішкі істер органдарының … дерекқорлары» beside ҚСжАЕК's.
                        new StepSpec(
                                "MIGRANT_RECORD_CHECK",
                                StepKind.CHECK,
                                Agency.MIGRATION,
                                "MIGRANT_RECORD_CHECK",
                                check,
                                Term.workingHours(1),
                                "Ішкі істер органдарының дерекқорлары тексеріледі",
                                "Проверяются базы данных органов внутренних дел"))
                .stage(new StepSpec(
                        effect,
                        StepKind.EFFECT,
                        Agency.MIGRATION,
                        effect,
                        f -> {
                            LabourMigrantPermitRequest r = (LabourMigrantPermitRequest) f.body();
                            return order(f).setMonths(r.getMonths())
                                    .setReference(r.getPermitNumber())
                                    .build();
                        },
                        Term.workingMinutes(140),
                        "Рұқсат ресімделеді, бастық қол қояды",
                        "Разрешение оформляется и подписывается начальником"))
                .build();
    }
}
