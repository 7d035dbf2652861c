package kz.shlyuz.adapters.residence;

import java.util.Objects;
import kz.shlyuz.adapters.operation.Operation;
import kz.shlyuz.adapters.operation.OperationContext;
import kz.shlyuz.adapters.operation.SubjectNumbers;
import kz.shlyuz.adapters.registry.DwellingRegister;
import kz.shlyuz.certs.identity.Iin;
import kz.shlyuz.proto.v1.CheckResult;
import kz.shlyuz.proto.v1.DwellingOwnerCheck;

/**
 * {@code DWELLING_OWNER_CHECK} at ЖТ МДБ: the dwelling exists and the named person owns it (004
 * annex 3 §5: the consent counts only from the owner as the register knows the owner; annex 4
 * §2(1): only the owner applies to deregister another person). Grounds {@code ADDRESS_UNKNOWN}
 * or {@code NOT_OWNER}.
 */
public final class DwellingOwnerCheckOperation implements Operation<DwellingOwnerCheck> {
    private final DwellingRegister dwellings;

    public DwellingOwnerCheckOperation(DwellingRegister dwellings) {
        this.dwellings = Objects.requireNonNull(dwellings, "dwellings");
    }

    @Override
    public String name() {
        return "DWELLING_OWNER_CHECK";
    }

    @Override
    public Class<DwellingOwnerCheck> bodyType() {
        return DwellingOwnerCheck.class;
    }

    @Override
    public String maskedSubject(DwellingOwnerCheck body) {
        return Iin.mask(body.getOwnerIin());
    }

    @Override
    public CheckResult answer(DwellingOwnerCheck body, OperationContext context) {
        Iin owner = SubjectNumbers.iin(body.getOwnerIin(), "owner_iin");
        var a = body.getAddress();
        return dwellings
                .find(a.getKatoCode(), a.getStreet(), a.getBuilding(), a.getApartment())
                .map(d -> DwellingRegister.owns(d, owner)
                        ? Grounds.clear(owner.value(), context.now())
                        : Grounds.found(
                                owner.value(),
                                "NOT_OWNER",
                                "Келісім берген адам мекенжай тізілімі бойынша бұл тұрғын үйдің иесі емес",
                                "Давшее согласие лицо не является собственником этого жилья по адресному регистру",
                                a.getKatoCode(),
                                context.now()))
                .orElseGet(() -> Grounds.found(
                        owner.value(),
                        "ADDRESS_UNKNOWN",
                        "Көрсетілген мекенжай (тұрғын үй) мекенжай тізілімінде жоқ; мекенжайды тексеріңіз",
                        "Указанного адреса (жилья) нет в адресном регистре; проверьте адрес",
                        a.getKatoCode(),
                        context.now()));
    }
}
