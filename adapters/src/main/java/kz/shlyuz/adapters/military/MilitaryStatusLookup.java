package kz.shlyuz.adapters.military;

import kz.shlyuz.adapters.operation.Operation;
import kz.shlyuz.adapters.operation.OperationContext;
import kz.shlyuz.adapters.operation.ProtoTime;
import kz.shlyuz.adapters.operation.RegisterName;
import kz.shlyuz.adapters.operation.SubjectNumbers;
import kz.shlyuz.adapters.registry.MilitaryRecord;
import kz.shlyuz.adapters.registry.MilitaryRegister;
import kz.shlyuz.certs.identity.Iin;
import kz.shlyuz.proto.v1.MilitaryRegistration;
import kz.shlyuz.proto.v1.MilitaryRegistrationLookup;

/** {@code MILITARY_REGISTRATION_LOOKUP}: a person's military registration record. */
public final class MilitaryStatusLookup implements Operation<MilitaryRegistrationLookup> {
    private final RegisterName registerName;
    private final MilitaryRegister register;

    public MilitaryStatusLookup(RegisterName registerName, MilitaryRegister register) {
        this.registerName = registerName;
        this.register = register;
    }

    @Override
    public String name() {
        return "MILITARY_REGISTRATION_LOOKUP";
    }

    @Override
    public Class<MilitaryRegistrationLookup> bodyType() {
        return MilitaryRegistrationLookup.class;
    }

    @Override
    public String maskedSubject(MilitaryRegistrationLookup body) {
        return Iin.mask(body.getIin());
    }

    @Override
    public MilitaryRegistration answer(MilitaryRegistrationLookup body, OperationContext context) {
        Iin iin = SubjectNumbers.iin(body.getIin(), "iin");
        MilitaryRecord record = register.find(iin).orElseThrow(registerName::noSuchPerson);
        MilitaryRegistration.Builder registration = MilitaryRegistration.newBuilder()
                .setIin(iin.value())
                .setStatus(record.status())
                .setOfficeKk(record.officeKk())
                .setOfficeRu(record.officeRu())
                .setCheckedAt(ProtoTime.timestamp(context.now()));
        record.since().ifPresent(since -> registration.setStatusSince(ProtoTime.date(since)));
        return registration.build();
    }
}
