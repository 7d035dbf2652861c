package kz.shlyuz.adapters.address;

import kz.shlyuz.adapters.operation.Operation;
import kz.shlyuz.adapters.operation.OperationContext;
import kz.shlyuz.adapters.operation.ProtoTime;
import kz.shlyuz.adapters.operation.RegisterName;
import kz.shlyuz.adapters.operation.SubjectNumbers;
import kz.shlyuz.adapters.registry.PastResidence;
import kz.shlyuz.adapters.registry.Residence;
import kz.shlyuz.adapters.registry.ResidenceRegister;
import kz.shlyuz.certs.identity.Iin;
import kz.shlyuz.proto.v1.AddressCertificate;
import kz.shlyuz.proto.v1.AddressLookup;
import kz.shlyuz.proto.v1.PastRegistration;

/** {@code ADDRESS_LOOKUP} at ЖТ МДБ: a person's address certificate by IIN. */
public final class PersonAddressLookup implements Operation<AddressLookup> {
    private final RegisterName register;
    private final ResidenceRegister residences;

    public PersonAddressLookup(RegisterName register, ResidenceRegister residences) {
        this.register = register;
        this.residences = residences;
    }

    @Override
    public String name() {
        return "ADDRESS_LOOKUP";
    }

    @Override
    public Class<AddressLookup> bodyType() {
        return AddressLookup.class;
    }

    @Override
    public String maskedSubject(AddressLookup body) {
        return Iin.mask(body.getIin());
    }

    @Override
    public AddressCertificate answer(AddressLookup body, OperationContext context) {
        Iin iin = SubjectNumbers.iin(body.getIin(), "iin");
        Residence residence = residences.find(iin).orElseThrow(register::noSuchPerson);
        AddressCertificate.Builder certificate = AddressCertificate.newBuilder()
                .setCertificateNumber(CertificateNumbers.of(register.agency(), context.requestId()))
                .setSubjectId(iin.value())
                .setName(AddressProtos.name(residence.name()))
                .setAddress(AddressProtos.address(residence.address()))
                .setRegisteredSince(ProtoTime.date(residence.registeredSince()))
                .setIssuedAt(ProtoTime.timestamp(context.now()))
                .setRegister(register.agency());
        for (PastResidence past : residence.history()) {
            certificate.addHistory(PastRegistration.newBuilder()
                    .setAddress(AddressProtos.address(past.address()))
                    .setFrom(ProtoTime.date(past.from()))
                    .setUntil(ProtoTime.date(past.until())));
        }
        return certificate.build();
    }
}
