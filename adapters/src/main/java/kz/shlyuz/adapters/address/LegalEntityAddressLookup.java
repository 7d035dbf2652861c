package kz.shlyuz.adapters.address;

import kz.shlyuz.adapters.operation.Operation;
import kz.shlyuz.adapters.operation.OperationContext;
import kz.shlyuz.adapters.operation.ProtoTime;
import kz.shlyuz.adapters.operation.RegisterName;
import kz.shlyuz.adapters.operation.SubjectNumbers;
import kz.shlyuz.adapters.registry.LegalEntity;
import kz.shlyuz.adapters.registry.LegalEntityRegister;
import kz.shlyuz.certs.identity.Bin;
import kz.shlyuz.certs.identity.Iin;
import kz.shlyuz.proto.v1.AddressCertificate;
import kz.shlyuz.proto.v1.AddressLookup;

/** {@code ADDRESS_LOOKUP} at ЗТ МДБ: a legal entity's registered address by BIN. */
public final class LegalEntityAddressLookup implements Operation<AddressLookup> {
    private final RegisterName register;
    private final LegalEntityRegister entities;

    public LegalEntityAddressLookup(RegisterName register, LegalEntityRegister entities) {
        this.register = register;
        this.entities = entities;
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
        // A BIN is public, but masked alike so that log lines look the same for every register.
        return Iin.mask(body.getBin());
    }

    @Override
    public AddressCertificate answer(AddressLookup body, OperationContext context) {
        Bin bin = SubjectNumbers.bin(body.getBin(), "bin");
        LegalEntity entity = entities.find(bin).orElseThrow(register::noSuchEntity);
        return AddressCertificate.newBuilder()
                .setCertificateNumber(CertificateNumbers.of(register.agency(), context.requestId()))
                .setSubjectId(bin.value())
                .setOrganisation(entity.organisation().title())
                .setAddress(AddressProtos.address(entity.legalAddress()))
                .setRegisteredSince(ProtoTime.date(entity.registeredSince()))
                .setIssuedAt(ProtoTime.timestamp(context.now()))
                .setRegister(register.agency())
                .build();
    }
}
