package kz.shlyuz.gateway.services;

import static kz.shlyuz.gateway.services.Orders.order;

import java.util.List;
import kz.shlyuz.certs.agency.Agency;
import kz.shlyuz.gateway.calendar.Term;
import kz.shlyuz.proto.v1.AddressLookup;
import kz.shlyuz.proto.v1.ResidenceRegistrationRequest;

/**
 * 6. Registration at place of residence (004 annex 3): applicant and consenting owner both sign,
 * unless the portal attests the owner's SMS one-time password. The registers are checked, the old
 * registration is ended and the new one made (automatic deregistration), result in the cabinet.
 */
final class ResidenceRegistration {
    private ResidenceRegistration() {}

    static ServiceDefinition define() {
        return ServiceDefinition.builder(Service.RESIDENCE_REGISTRATION, ResidenceRegistrationRequest.class)
                .title("Тұрғылықты жері бойынша тіркеу", "Регистрация по месту жительства")
                .senders(Sender.EGOV_PORTAL)
                .applicants(r -> r.hasSmsConsent()
                                || r.getOwnerIin().equals(r.getIin())
                                || r.getOwnerIin().isEmpty()
                        ? Applicants.individuals(r.getIin())
                        : Applicants.individuals(r.getIin(), r.getOwnerIin()))
                .parties(r -> r.getOwnerIin().isEmpty() || r.getOwnerIin().equals(r.getIin())
                        ? List.of(r.getIin())
                        : List.of(r.getIin(), r.getOwnerIin()))
                .caseTerm(r -> Term.workingDays(1))
                .stage(new StepSpec(
                        "ADDRESS_LOOKUP",
                        StepKind.CHECK,
                        Agency.GBD_FL,
                        "ADDRESS_LOOKUP",
                        f -> AddressLookup.newBuilder().setIin(f.citizenIin()).build(),
                        Term.workingDays(1),
                        "ЖТ МДБ қазіргі тіркеуді тексереді",
                        "ГБД ФЛ проверяет текущую регистрацию"))
                .stage(new StepSpec(
                        "RESIDENCE_DEREGISTRATION",
                        StepKind.EFFECT,
                        Agency.MVD_DOCS,
                        "RESIDENCE_DEREGISTRATION",
                        f -> order(f).build(),
                        Term.workingDays(1),
                        "Бұрынғы мекенжай бойынша тіркеуден автоматты түрде шығару",
                        "Автоматическое снятие с регистрации по прежнему адресу"))
                .stage(new StepSpec(
                        "RESIDENCE_REGISTRATION",
                        StepKind.EFFECT,
                        Agency.MVD_DOCS,
                        "RESIDENCE_REGISTRATION",
                        f -> order(f).setAddress(((ResidenceRegistrationRequest) f.body()).getAddress())
                                .build(),
                        Term.workingDays(1),
                        "Жаңа мекенжай бойынша тіркеу",
                        "Регистрация по новому адресу"))
                .build();
    }
}
