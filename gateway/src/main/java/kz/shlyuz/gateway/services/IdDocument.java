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
 * 4. Passport / ID card (004 annex 1 table 1), hop by hop:
 *
 * <ul>
 *   <li>1–2: the State Corporation (or the district unit) accepts, 30 min, and the district unit
 *       registers the application, 30 min — {@code DOCUMENTS_LOOKUP}, 60 min;
 *   <li>3: the district unit sends the form on — 1 wd for urgency categories 1 and 2, 2 wd for
 *       category 3 and the general order; 4: the regional unit checks and sums up — 1 / 1 / 2 / 2 wd;
 *       5: the migration service committee checks, the wanted check against the MVD's database
 *       among it, and sends the order to "АӨО" — 1 wd in every category — {@code WANTED_CHECK},
 *       3 / 3 / 5 / 5 wd;
 *   <li>6: "АӨО" РМК manufactures — 1 / ≤2 / ≤3 / ≤5 wd — {@code DOCUMENT_MANUFACTURE};
 *   <li>7: the committee sends it back — 1 wd (categories 1–3), ≤5 wd (general); 8: the regional
 *       unit, 1 wd; 9: the district unit to the State Corporation, 1 wd — {@code DOCUMENT_ISSUE},
 *       3 / 3 / 3 / 7 wd;
 *   <li>10: handing it out, 10 min, is the citizen's visit and not a step.
 * </ul>
 *
 * <p>Sum of hops 3–9: 7 / 8 / 11 / 17 wd, the case term. Reading chosen for step 3's «1 жұмыс күні
 * (ресімдеу күні)»: one working day like the others. The other reading (no day at all for
 * categories 1–2) would promise a date one day earlier than the literal table allows, and the
 * gateway cannot know that the district unit sent the form on the day of the application: a
 * promise must be one the process can keep. The case is never due before its stages one after
 * another ({@link ProcessDefinition#caseDue}). The portal accepts it only for replacing an ID
 * because the document type changed (§2(2), §5).
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
                        // The message names no enum; the detail (the reason's code) is for engineers only.
                        throw new Refusal(
                                Reason.PORTAL_REASON_NOT_ACCEPTED,
                                id.getReason().name());
                    }
                })
                .parties(r -> List.of(r.getIin()))
                .caseTerm(r -> Term.workingDays(hopsInWorkingDays(r.getUrgency())))
                .dueAfterStages()
                // §7: handed out by the State Corporation; applied through the portal, by the
                // provider (the migration service of the police department where the person lives).
                .handOut(sender -> sender.equals(Sender.EGOV_PORTAL.id())
                        ? new Wording(
                                "Құжатты тұрғылықты жеріңіздегі полиция басқармасының көші-қон қызметінен алыңыз.",
                                "Документ получите в миграционной службе управления полиции по месту жительства.")
                        : new Wording(
                                "Құжатты өтініш берген халыққа қызмет көрсету орталығынан алыңыз.",
                                "Документ получите в ЦОНе, где подано заявление."))
                .stages(IdDocument::stages)
                .build();
    }

    /** Hops 3–9 of table 1 for an urgency category: the working days of the three dated stages. */
    static int hopsInWorkingDays(Urgency u) {
        return review(u) + manufacture(u) + back(u);
    }

    /** Hops 3 + 4 + 5: district unit, regional unit, the committee (wanted check). */
    static int review(Urgency u) {
        return switch (u) {
            case URGENCY_CATEGORY_1, URGENCY_CATEGORY_2 -> 1 + 1 + 1;
            default -> 2 + 2 + 1;
        };
    }

    /** Hop 6: "АӨО" РМК. */
    static int manufacture(Urgency u) {
        return switch (u) {
            case URGENCY_CATEGORY_1 -> 1;
            case URGENCY_CATEGORY_2 -> 2;
            case URGENCY_CATEGORY_3 -> 3;
            default -> 5;
        };
    }

    /** Hops 7 + 8 + 9: the committee, the regional unit, the district unit. */
    static int back(Urgency u) {
        return u == Urgency.URGENCY_GENERAL || u == Urgency.URGENCY_UNSPECIFIED ? 5 + 1 + 1 : 1 + 1 + 1;
    }

    private static List<Stage> stages(IdDocumentRequest request) {
        Function<CaseFacts, Message> check = Orders::subjectCheck;
        Urgency u = request.getUrgency();
        return List.of(
                Stage.of(new StepSpec(
                        "DOCUMENTS_LOOKUP",
                        StepKind.CHECK,
                        Agency.MVD_DOCS,
                        "DOCUMENTS_LOOKUP",
                        f -> DocumentsLookup.newBuilder().setIin(f.citizenIin()).build(),
                        Term.minutes(60),
                        "Өтініш тіркеледі, полиция бөлімшесі формулярды тексереді",
                        "Заявление регистрируется, подразделение полиции проверяет формуляр")),
                Stage.of(
                        new StepSpec(
                                "WANTED_CHECK",
                                StepKind.CHECK,
                                Agency.KPSISU,
                                "WANTED_CHECK",
                                check,
                                Term.workingDays(review(u)),
                                "Полиция бөлімшелері мен Көші-қон қызметі комитеті өтінішті ресімдейді, іздестіру есебін тексереді",
                                "Подразделения полиции и Комитет миграционной службы оформляют заявление, проверяют учёт розыска")),
                Stage.of(new StepSpec(
                        "DOCUMENT_MANUFACTURE",
                        StepKind.EFFECT,
                        Agency.AEO,
                        "DOCUMENT_MANUFACTURE",
                        f -> order(f).setDocumentKind(((IdDocumentRequest) f.body()).getKind())
                                .setUrgency(u)
                                .build(),
                        Term.workingDays(manufacture(u)),
                        "Құжат дайындалады",
                        "Документ изготавливается")),
                Stage.of(new StepSpec(
                        "DOCUMENT_ISSUE",
                        StepKind.EFFECT,
                        Agency.MVD_DOCS,
                        "DOCUMENT_ISSUE",
                        f -> order(f).setDocumentKind(((IdDocumentRequest) f.body()).getKind())
                                .build(),
                        Term.workingDays(back(u)),
                        "Құжат беру орнына жеткізіледі",
                        "Документ доставляется к месту выдачи")));
    }
}
