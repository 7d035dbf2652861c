package kz.shlyuz.gateway.services;

import java.util.List;
import kz.shlyuz.certs.agency.Agency;
import kz.shlyuz.gateway.calendar.Term;
import kz.shlyuz.proto.v1.DwellingOwnerCheck;
import kz.shlyuz.proto.v1.EffectOrder;
import kz.shlyuz.proto.v1.ResidenceDeregistrationRequest;
import kz.shlyuz.proto.v1.RightOfUseDecisionCheck;

/**
 * 7. Deregistration from place of residence (004 annex 4). Two grounds (§4): the person leaves
 * for permanent residence abroad and applies themself at the State Corporation; or a court ended
 * the person's right to use the dwelling and its owner applies — the only route the portal
 * accepts (§2(1)), so nobody deregisters themself there ({@link ResidenceIntake}).
 *
 * <p>Table 1: accept and check 10 minutes — on the owner's application the court register
 * confirms the decision (this person, this owner, this dwelling) while the dwelling register
 * confirms the owner; deregister and issue the departure sheet 20 minutes. Case term 30 minutes.
 *
 * <p>On the owner's application the owner is the applicant (their cabinet has the case and its
 * result); the deregistered person is the second party, whose result text says they were
 * deregistered on the owner's application under the court decision — not that "their application
 * was accepted".
 */
final class ResidenceDeregistration {
    private ResidenceDeregistration() {}

    static ServiceDefinition define() {
        return ServiceDefinition.builder(Service.RESIDENCE_DEREGISTRATION, ResidenceDeregistrationRequest.class)
                .title("Тұрғылықты жері бойынша тіркеуден шығару", "Снятие с регистрации по месту жительства")
                .senders(Sender.EGOV_PORTAL, Sender.HKKO)
                .applicants(r -> Applicants.individuals(
                        ResidenceIntake.byOwner(r) && !r.getOwnerIin().isEmpty() ? r.getOwnerIin() : r.getIin()))
                .intake(ResidenceIntake.deregistration())
                .parties(r -> ResidenceIntake.byOwner(r) && !r.getOwnerIin().isEmpty()
                        ? List.of(r.getOwnerIin(), r.getIin())
                        : List.of(r.getIin()))
                .caseTerm(r -> Term.minutes(30))
                .stages(r -> ResidenceIntake.byOwner(r)
                        ? List.of(
                                Stage.of(
                                        new StepSpec(
                                                "RIGHT_OF_USE_DECISION_CHECK",
                                                StepKind.CHECK,
                                                Agency.SAOD,
                                                "RIGHT_OF_USE_DECISION_CHECK",
                                                f -> decision((ResidenceDeregistrationRequest) f.body()),
                                                Term.minutes(10),
                                                "Сот шешімі сот актілерінің тізілімінен тексеріледі",
                                                "Решение суда проверяется по реестру судебных актов"),
                                        new StepSpec(
                                                "DWELLING_OWNER_CHECK",
                                                StepKind.CHECK,
                                                Agency.GBD_FL,
                                                "DWELLING_OWNER_CHECK",
                                                f -> owner((ResidenceDeregistrationRequest) f.body()),
                                                Term.minutes(10),
                                                "Өтініш берушінің тұрғын үй иесі екені тексеріледі",
                                                "Проверяется, что заявитель — собственник жилья")),
                                Stage.of(deregistration(Term.minutes(20))))
                        : List.of(Stage.of(deregistration(Term.minutes(20)))))
                .build();
    }

    private static StepSpec deregistration(Term term) {
        return new StepSpec(
                "RESIDENCE_DEREGISTRATION",
                StepKind.EFFECT,
                Agency.MVD_DOCS,
                "RESIDENCE_DEREGISTRATION",
                ResidenceDeregistration::order,
                term,
                "Тіркеуден шығару, мекенжайдан кету парағы",
                "Снятие с регистрационного учёта, адресный листок убытия");
    }

    /** The order is about the deregistered person, whoever applied; the owner is the second person. */
    private static EffectOrder order(CaseFacts f) {
        ResidenceDeregistrationRequest r = (ResidenceDeregistrationRequest) f.body();
        EffectOrder.Builder b = EffectOrder.newBuilder().setCaseId(f.caseId()).setIin(r.getIin());
        if (ResidenceIntake.byOwner(r)) {
            b.setRelatedIin(r.getOwnerIin()).setReference(r.getCourtDecisionRef());
        }
        return b.build();
    }

    private static RightOfUseDecisionCheck decision(ResidenceDeregistrationRequest r) {
        return RightOfUseDecisionCheck.newBuilder()
                .setDecisionRef(r.getCourtDecisionRef())
                .setIin(r.getIin())
                .setOwnerIin(r.getOwnerIin())
                .setAddress(r.getAddress())
                .build();
    }

    private static DwellingOwnerCheck owner(ResidenceDeregistrationRequest r) {
        return DwellingOwnerCheck.newBuilder()
                .setAddress(r.getAddress())
                .setOwnerIin(r.getOwnerIin())
                .build();
    }
}
