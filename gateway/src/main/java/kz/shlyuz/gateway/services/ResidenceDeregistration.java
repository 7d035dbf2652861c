package kz.shlyuz.gateway.services;

import static kz.shlyuz.gateway.services.Orders.order;

import java.util.List;
import kz.shlyuz.certs.agency.Agency;
import kz.shlyuz.gateway.calendar.Term;
import kz.shlyuz.proto.v1.ResidenceDeregistrationRequest;

/**
 * 7. Deregistration from place of residence (004 annex 4): at the front office, or on the portal
 * on the owner's application (it is then the owner who applies); result: the departure address
 * sheet.
 */
final class ResidenceDeregistration {
    private ResidenceDeregistration() {}

    static ServiceDefinition define() {
        return ServiceDefinition.builder(Service.RESIDENCE_DEREGISTRATION, ResidenceDeregistrationRequest.class)
                .title("Тұрғылықты жері бойынша тіркеуден шығару", "Снятие с регистрации по месту жительства")
                .senders(Sender.EGOV_PORTAL, Sender.HKKO)
                .applicants(r -> Applicants.individuals(r.getOwnerIin().isEmpty() ? r.getIin() : r.getOwnerIin()))
                .parties(r -> r.getOwnerIin().isEmpty() || r.getOwnerIin().equals(r.getIin())
                        ? List.of(r.getIin())
                        : List.of(r.getIin(), r.getOwnerIin()))
                .caseTerm(r -> Term.workingDays(1))
                .stage(new StepSpec(
                        "RESIDENCE_DEREGISTRATION",
                        StepKind.EFFECT,
                        Agency.MVD_DOCS,
                        "RESIDENCE_DEREGISTRATION",
                        f -> order(f).build(),
                        Term.workingDays(1),
                        "Тіркеуден шығару, кету мекенжай парағы",
                        "Снятие с регистрации, адресный листок убытия"))
                .build();
    }
}
