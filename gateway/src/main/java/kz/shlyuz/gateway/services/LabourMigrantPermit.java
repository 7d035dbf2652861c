package kz.shlyuz.gateway.services;

import static kz.shlyuz.gateway.services.Orders.order;

import com.google.protobuf.Message;
import java.util.List;
import java.util.function.Function;
import kz.shlyuz.certs.agency.Agency;
import kz.shlyuz.gateway.calendar.Term;
import kz.shlyuz.proto.v1.LabourMigrantPermitRequest;

/**
 * 3. Labour-migrant permit, issue and extension (003): MVD and ҚСжАЕК databases checked in 1 hour;
 * the permit entered and printed in 2 hours and signed by the head in 20 minutes. The two services
 * share this process and differ in channel, signers, the effect and the title.
 */
final class LabourMigrantPermit {
    private LabourMigrantPermit() {}

    /** Issue, through the State Corporation. */
    static ServiceDefinition issue() {
        return process(
                ServiceDefinition.builder(Service.LABOUR_MIGRANT_PERMIT, LabourMigrantPermitRequest.class)
                        .title("Еңбекші көшіп келушіге рұқсат беру", "Выдача разрешения трудовому мигранту")
                        .senders(Sender.HKKO)
                        .applicants(r -> Applicants.individuals(r.getMigrantIin())),
                "LABOUR_PERMIT_ISSUE");
    }

    /** Extension, through the portal: the migrant's and the employer's signatures (003). */
    static ServiceDefinition extension() {
        return process(
                ServiceDefinition.builder(Service.LABOUR_MIGRANT_PERMIT_EXTENSION, LabourMigrantPermitRequest.class)
                        .title("Еңбекші көшіп келушіге рұқсатты ұзарту", "Продление разрешения трудовому мигранту")
                        .senders(Sender.EGOV_PORTAL)
                        .applicants(r -> Applicants.individuals(r.getMigrantIin(), r.getEmployerIin())),
                "LABOUR_PERMIT_EXTEND");
    }

    private static ServiceDefinition process(
            ServiceDefinition.Builder<LabourMigrantPermitRequest> service, String effect) {
        Function<CaseFacts, Message> check = Orders::subjectCheck;
        return service.parties(r -> r.getEmployerIin().isEmpty()
                        ? List.of(r.getMigrantIin())
                        : List.of(r.getMigrantIin(), r.getEmployerIin()))
                .caseTerm(r -> new Term(200, Term.Unit.MINUTES))
                .stage(
                        new StepSpec(
                                "CRIMINAL_RECORD_CHECK",
                                StepKind.CHECK,
                                Agency.KPSISU,
                                "CRIMINAL_RECORD_CHECK",
                                check,
                                Term.hours(1),
                                "Көші-қон бөлімшесі ҚСжАЕК дерекқорын тексереді",
                                "Подразделение миграционной службы проверяет базу КПСиСУ"),
                        new StepSpec(
                                "WANTED_CHECK",
                                StepKind.CHECK,
                                Agency.KPSISU,
                                "WANTED_CHECK",
                                check,
                                Term.hours(1),
                                "Көші-қон бөлімшесі іздестіру есебін тексереді",
                                "Подразделение миграционной службы проверяет учёт розыска"))
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
                        new Term(140, Term.Unit.MINUTES),
                        "Рұқсат енгізіледі, басып шығарылады, бастық қол қояды",
                        "Разрешение вносится, печатается и подписывается начальником"))
                .build();
    }
}
