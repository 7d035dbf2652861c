package kz.shlyuz.adapters.military;

import kz.shlyuz.adapters.check.CheckResults;
import kz.shlyuz.adapters.operation.Operation;
import kz.shlyuz.adapters.operation.OperationContext;
import kz.shlyuz.adapters.operation.SubjectNumbers;
import kz.shlyuz.adapters.registry.Ground;
import kz.shlyuz.adapters.registry.MilitaryRecord;
import kz.shlyuz.adapters.registry.MilitaryRegister;
import kz.shlyuz.certs.identity.Iin;
import kz.shlyuz.proto.v1.CheckResult;
import kz.shlyuz.proto.v1.SubjectCheck;

/**
 * {@code MILITARY_REGISTRATION_CHECK}: grounds are found only for someone doing compulsory
 * service (мерзімді әскери қызмет). Being on the register of the reserve is no ground: such a
 * person is deregistered after the decision, not refused.
 */
public final class MilitaryRegistrationCheck implements Operation<SubjectCheck> {
    /** The ground code a reasoned refusal quotes. */
    public static final String GROUND_CODE = "MILITARY_SERVICE";

    private final MilitaryRegister register;

    public MilitaryRegistrationCheck(MilitaryRegister register) {
        this.register = register;
    }

    @Override
    public String name() {
        return "MILITARY_REGISTRATION_CHECK";
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
        return register.find(iin)
                .filter(MilitaryRecord::serving)
                .map(record -> CheckResults.found(iin, servingGround(record), context.now()))
                .orElseGet(() -> CheckResults.clean(iin, context.now()));
    }

    private static Ground servingGround(MilitaryRecord record) {
        // The day as citizens read it; Kazakh names it rather than bending it with «бастап».
        String since = record.since()
                .map(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")::format)
                .orElse("—");
        return new Ground(
                GROUND_CODE,
                "Мерзімді әскери қызметті өткеруде (қызмет басталған күн: " + since + ", " + record.officeKk()
                        + "); шығуға қызмет аяқталғанға дейін шектеу қойылады",
                "Проходит срочную воинскую службу (с " + since + ", " + record.officeRu()
                        + "); выезд ограничен до окончания службы",
                record.recordRef());
    }
}
