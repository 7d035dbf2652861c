package kz.shlyuz.adapters.residence;

import java.util.Objects;
import kz.shlyuz.adapters.operation.Operation;
import kz.shlyuz.adapters.operation.OperationContext;
import kz.shlyuz.adapters.operation.SubjectNumbers;
import kz.shlyuz.adapters.registry.RightOfUseDecisions;
import kz.shlyuz.certs.identity.Iin;
import kz.shlyuz.proto.v1.Address;
import kz.shlyuz.proto.v1.CheckResult;
import kz.shlyuz.proto.v1.RightOfUseDecisionCheck;

/**
 * {@code RIGHT_OF_USE_DECISION_CHECK} at САОД: the court decision the owner names is in the
 * register and ended this person's right to use this owner's dwelling (004 annex 4 §2(1), §4).
 * Grounds {@code DECISION_NOT_FOUND} or {@code DECISION_MISMATCH} (a decision about someone else,
 * another owner or another dwelling).
 */
public final class RightOfUseDecisionCheckOperation implements Operation<RightOfUseDecisionCheck> {
    private final RightOfUseDecisions decisions;

    public RightOfUseDecisionCheckOperation(RightOfUseDecisions decisions) {
        this.decisions = Objects.requireNonNull(decisions, "decisions");
    }

    @Override
    public String name() {
        return "RIGHT_OF_USE_DECISION_CHECK";
    }

    @Override
    public Class<RightOfUseDecisionCheck> bodyType() {
        return RightOfUseDecisionCheck.class;
    }

    @Override
    public String maskedSubject(RightOfUseDecisionCheck body) {
        return Iin.mask(body.getIin());
    }

    @Override
    public CheckResult answer(RightOfUseDecisionCheck body, OperationContext context) {
        Iin person = SubjectNumbers.iin(body.getIin(), "iin");
        Iin owner = SubjectNumbers.iin(body.getOwnerIin(), "owner_iin");
        String ref = body.getDecisionRef();
        return decisions
                .find(ref)
                .map(d -> d.personIin().equals(person.value())
                                && d.ownerIin().equals(owner.value())
                                && same(body.getAddress(), d.address())
                        ? Grounds.clear(person.value(), context.now())
                        : Grounds.found(
                                person.value(),
                                "DECISION_MISMATCH",
                                "№ " + d.ref()
                                        + " сот шешімі басқа адамға, басқа иеге немесе басқа тұрғын үйге қатысты",
                                "Решение суда № " + d.ref()
                                        + " касается другого лица, другого собственника или другого жилья",
                                d.ref(),
                                context.now()))
                .orElseGet(() -> Grounds.found(
                        person.value(),
                        "DECISION_NOT_FOUND",
                        "Тұрғын үйді пайдалану құқығын тоқтатқан сот шешімі сот актілерінің тізілімінде табылмады;"
                                + " шешімнің нөмірін тексеріңіз",
                        "Решение суда о прекращении права пользования жильём не найдено в реестре судебных актов;"
                                + " проверьте номер решения",
                        ref.length() > 40 ? ref.substring(0, 40) : ref,
                        context.now()));
    }

    private static boolean same(Address a, kz.shlyuz.adapters.registry.PostalAddress p) {
        return a.getKatoCode().equals(p.kato())
                && a.getStreet().strip().equals(p.street())
                && a.getBuilding().strip().equals(p.building())
                && a.getApartment().strip().equals(p.apartment());
    }
}
