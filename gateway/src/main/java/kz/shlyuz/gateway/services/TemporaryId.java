package kz.shlyuz.gateway.services;

import static kz.shlyuz.gateway.services.Orders.order;

import java.util.List;
import kz.shlyuz.certs.agency.Agency;
import kz.shlyuz.gateway.calendar.Term;
import kz.shlyuz.proto.v1.TemporaryIdRequest;

/** 5. Temporary ID card (004 annex 2): front office 15 min, district unit issues in 2 wd. */
final class TemporaryId {
    private TemporaryId() {}

    static ServiceDefinition define() {
        return ServiceDefinition.builder(Service.TEMPORARY_ID, TemporaryIdRequest.class)
                .title("Уақытша жеке куәлік беру", "Выдача временного удостоверения личности")
                .senders(Sender.HKKO)
                .applicants(r -> Applicants.individuals(r.getIin()))
                .parties(r -> List.of(r.getIin()))
                .caseTerm(r -> Term.workingDays(2))
                .stage(new StepSpec(
                        "TEMPORARY_ID_ISSUE",
                        StepKind.EFFECT,
                        Agency.MVD_DOCS,
                        "TEMPORARY_ID_ISSUE",
                        f -> order(f).build(),
                        Term.workingDays(2),
                        "Аудандық бөлімше уақытша жеке куәлік береді",
                        "Районное подразделение выдаёт временное удостоверение"))
                .build();
    }
}
