package kz.shlyuz.adapters.check;

import java.util.Objects;
import kz.shlyuz.adapters.operation.Operation;
import kz.shlyuz.adapters.operation.OperationContext;
import kz.shlyuz.adapters.operation.SubjectNumbers;
import kz.shlyuz.adapters.registry.GroundsRegister;
import kz.shlyuz.certs.identity.Iin;
import kz.shlyuz.proto.v1.CheckResult;
import kz.shlyuz.proto.v1.SubjectCheck;

/**
 * A check answered straight from a {@link GroundsRegister}: the person's ground under this
 * operation, or a clean result when there is none (or the register does not know the person).
 */
public final class GroundsCheck implements Operation<SubjectCheck> {
    private final String name;
    private final GroundsRegister grounds;

    /** @param name the check operation, e.g. CRIMINAL_RECORD_CHECK */
    public GroundsCheck(String name, GroundsRegister grounds) {
        this.name = Objects.requireNonNull(name, "name");
        this.grounds = Objects.requireNonNull(grounds, "grounds");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Class<SubjectCheck> bodyType() {
        return SubjectCheck.class;
    }

    @Override
    public String maskedSubject(SubjectCheck body) {
        return Iin.mask(body.getIin());
    }

    @Override
    public CheckResult answer(SubjectCheck body, OperationContext context) {
        Iin iin = SubjectNumbers.iin(body.getIin(), "iin");
        return grounds.find(name, iin)
                .map(ground -> CheckResults.found(iin, ground, context.now()))
                .orElseGet(() -> CheckResults.clean(iin, context.now()));
    }
}
