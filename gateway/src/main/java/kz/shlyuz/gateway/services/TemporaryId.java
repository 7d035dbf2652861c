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
                // 004 annex 2 table 2 #3: the State Corporation hands the temporary card over.
                .handOut(sender -> new Wording(
                        "Уақытша куәлікті өтініш берген халыққа қызмет көрсету орталығынан алыңыз.",
                        "Временное удостоверение получите в ЦОНе, где подано заявление."))
                .stage(new StepSpec(
                        "TEMPORARY_ID_ISSUE",
                        StepKind.EFFECT,
                        Agency.MVD_DOCS,
                        "TEMPORARY_ID_ISSUE",
                        f -> order(f).build(),
                        Term.workingDays(2),
                        "Полиция бөлімшесі уақытша жеке куәлікті ресімдейді",
                        "Подразделение полиции оформляет временное удостоверение"))
                .build();
    }
}
