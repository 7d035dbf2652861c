package kz.shlyuz.gateway.services;

import static kz.shlyuz.gateway.services.Orders.order;

import com.google.protobuf.Message;
import java.util.List;
import java.util.function.Function;
import kz.shlyuz.certs.agency.Agency;
import kz.shlyuz.gateway.calendar.Term;
import kz.shlyuz.gateway.status.Reason;
import kz.shlyuz.gateway.status.Refusal;
import kz.shlyuz.proto.v1.DocumentsLookup;
import kz.shlyuz.proto.v1.IdDocumentRequest;
import kz.shlyuz.proto.v1.IssueReason;
import kz.shlyuz.proto.v1.Urgency;

/**
 * 4. Passport / ID card (004 annex 1 table 1): front office 30 min, district unit 30 min,
 * regional unit and migration committee (wanted check) 1 wd for categories 1–2, 2 wd for category
 * 3 and general; "АӨО" РМК manufactures in 1, 2, 3 or 5 wd (category 1, 2, 3, general); back down
 * the chain 1 wd (5 wd general) + 1 + 1 wd, issue 10 min. The portal accepts it only for replacing
 * an ID because the document type changed.
 */
final class IdDocument {
    private IdDocument() {}

    static ServiceDefinition define() {
        return ServiceDefinition.builder(Service.ID_DOCUMENT, IdDocumentRequest.class)
                .title("Паспорт, жеке куәлік ресімдеу", "Оформление паспорта, удостоверения личности")
                .senders(Sender.EGOV_PORTAL, Sender.HKKO)
                .applicants(r -> Applicants.individuals(r.getIin()))
                // 004 annex 1: the portal accepts an ID document only to replace it after a change of type.
                .intake((sender, body) -> {
                    if (sender.equals(Sender.EGOV_PORTAL.id())
                            && body instanceof IdDocumentRequest id
                            && id.getReason() != IssueReason.ISSUE_REASON_DOCUMENT_TYPE_CHANGED) {
                        throw new Refusal(
                                Reason.PORTAL_REASON_NOT_ACCEPTED,
                                id.getReason().name());
                    }
                })
                .parties(r -> List.of(r.getIin()))
                .caseTerm(r -> Term.workingDays(
                        switch (r.getUrgency()) {
                            case URGENCY_CATEGORY_1 -> 4;
                            case URGENCY_CATEGORY_2 -> 5;
                            case URGENCY_CATEGORY_3 -> 9;
                            default -> 16;
                        }))
                .stages(IdDocument::stages)
                .build();
    }

    private static List<Stage> stages(IdDocumentRequest request) {
        Function<CaseFacts, Message> check = Orders::subjectCheck;
        Urgency u = request.getUrgency();
        int review = switch (u) {
            case URGENCY_CATEGORY_1, URGENCY_CATEGORY_2 -> 1;
            default -> 2;
        };
        int manufacture = switch (u) {
            case URGENCY_CATEGORY_1 -> 1;
            case URGENCY_CATEGORY_2 -> 2;
            case URGENCY_CATEGORY_3 -> 3;
            default -> 5;
        };
        int back = u == Urgency.URGENCY_GENERAL || u == Urgency.URGENCY_UNSPECIFIED ? 7 : 3;
        return List.of(
                Stage.of(new StepSpec(
                        "DOCUMENTS_LOOKUP",
                        StepKind.CHECK,
                        Agency.MVD_DOCS,
                        "DOCUMENTS_LOOKUP",
                        f -> DocumentsLookup.newBuilder().setIin(f.citizenIin()).build(),
                        Term.minutes(60),
                        "Өтініш тіркеледі, аудандық бөлімше формулярды тексереді",
                        "Заявление регистрируется, районное подразделение проверяет формуляр")),
                Stage.of(new StepSpec(
                        "WANTED_CHECK",
                        StepKind.CHECK,
                        Agency.KPSISU,
                        "WANTED_CHECK",
                        check,
                        Term.workingDays(2 * review),
                        "Облыстық бөлімше мен КҚҚК іздестіру есебін тексереді",
                        "Областное подразделение и КМС проверяют учёт розыска")),
                Stage.of(new StepSpec(
                        "DOCUMENT_MANUFACTURE",
                        StepKind.EFFECT,
                        Agency.AEO,
                        "DOCUMENT_MANUFACTURE",
                        f -> order(f).setDocumentKind(((IdDocumentRequest) f.body()).getKind())
                                .setUrgency(u)
                                .build(),
                        Term.workingDays(manufacture),
                        "«АӨО» РМК құжатты дайындайды",
                        "РГП «ИПЦ» изготавливает документ")),
                Stage.of(new StepSpec(
                        "DOCUMENT_ISSUE",
                        StepKind.EFFECT,
                        Agency.MVD_DOCS,
                        "DOCUMENT_ISSUE",
                        f -> order(f).setDocumentKind(((IdDocumentRequest) f.body()).getKind())
                                .build(),
                        Term.workingDays(back),
                        "Құжат бөлімшеге жеткізіледі және беруге дайындалады",
                        "Документ доставляется в подразделение и готовится к выдаче")));
    }
}
