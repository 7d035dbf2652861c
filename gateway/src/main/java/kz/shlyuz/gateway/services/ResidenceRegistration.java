package kz.shlyuz.gateway.services;

import java.util.List;
import kz.shlyuz.certs.agency.Agency;
import kz.shlyuz.gateway.calendar.Term;
import kz.shlyuz.proto.v1.DwellingOwnerCheck;
import kz.shlyuz.proto.v1.EffectOrder;
import kz.shlyuz.proto.v1.RegistrationKind;
import kz.shlyuz.proto.v1.ResidenceRegistrationRequest;

/**
 * 6. Registration at place of residence (004 annex 3). Through the portal (citizens) or the State
 * Corporation (citizens, and the only route for permanently resident foreigners and stateless
 * persons, §2). The owner consents by signing, or by SMS one-time password attested by the portal;
 * an applicant who owns the dwelling signs alone ({@link ResidenceIntake} holds the reading of §5).
 *
 * <p>Table 1: #1 accept and check, 10 minutes — the dwelling register confirms that the dwelling
 * exists and that the consenting person owns it; #2 register, 20 minutes — one act at ХҚТ ТП АЖ
 * that registers at the new address and ends the old registration (§4). The case term is the sum,
 * 30 minutes.
 *
 * <p><b>Why one agency operation for the change of address (§4, issue 11.2).</b> Deregistering
 * first and registering second, as two steps, leaves the person registered nowhere when the second
 * fails for good; registering first and deregistering second leaves them registered twice, and a
 * compensation needs an "undo registration" the register does not have. {@code RESIDENCE_CHANGE}
 * makes both in one transaction of the register, idempotent per request id: the outbox's retry of
 * a call whose answer was lost finds the change already made and gets the same receipt, and a
 * refusal means that neither happened, so the person stays registered at the old address.
 */
final class ResidenceRegistration {
    private ResidenceRegistration() {}

    static ServiceDefinition define() {
        return ServiceDefinition.builder(Service.RESIDENCE_REGISTRATION, ResidenceRegistrationRequest.class)
                .title("Тұрғылықты жері бойынша тіркеу", "Регистрация по месту жительства")
                .senders(Sender.EGOV_PORTAL, Sender.HKKO)
                .applicants(r -> ResidenceIntake.applicantSignsAlone(r)
                        ? Applicants.individuals(r.getIin())
                        : Applicants.individuals(r.getIin(), r.getOwnerIin()))
                .intake(ResidenceIntake.registration())
                .parties(r -> r.getOwnerIin().isEmpty() || r.getOwnerIin().equals(r.getIin())
                        ? List.of(r.getIin())
                        : List.of(r.getIin(), r.getOwnerIin()))
                .caseTerm(r -> Term.minutes(30))
                .stage(new StepSpec(
                        "DWELLING_OWNER_CHECK",
                        StepKind.CHECK,
                        Agency.GBD_FL,
                        "DWELLING_OWNER_CHECK",
                        f -> {
                            ResidenceRegistrationRequest r = (ResidenceRegistrationRequest) f.body();
                            return DwellingOwnerCheck.newBuilder()
                                    .setAddress(r.getAddress())
                                    .setOwnerIin(r.getOwnerIin())
                                    .build();
                        },
                        Term.minutes(10),
                        "Тұрғын үйдің мекенжайы мен иесі тексеріледі",
                        "Проверяются адрес жилья и его собственник"))
                .stage(new StepSpec(
                        "RESIDENCE_CHANGE",
                        StepKind.EFFECT,
                        Agency.MVD_DOCS,
                        "RESIDENCE_CHANGE",
                        ResidenceRegistration::change,
                        Term.minutes(20),
                        "Жаңа мекенжай бойынша тіркеу (бұрынғы тіркеу бірге тоқтатылады)",
                        "Регистрация по новому адресу (прежняя прекращается одновременно)"))
                .build();
    }

    private static EffectOrder change(CaseFacts f) {
        ResidenceRegistrationRequest r = (ResidenceRegistrationRequest) f.body();
        return Orders.order(f)
                .setAddress(r.getAddress())
                .setTemporary(r.getKind() == RegistrationKind.REGISTRATION_KIND_TEMPORARY)
                .build();
    }
}
