package kz.shlyuz.adapters.documents;

import kz.shlyuz.adapters.operation.Operation;
import kz.shlyuz.adapters.operation.OperationContext;
import kz.shlyuz.adapters.operation.ProtoTime;
import kz.shlyuz.adapters.operation.Refusals;
import kz.shlyuz.adapters.operation.RegisterName;
import kz.shlyuz.adapters.registry.IdentityDocumentRecord;
import kz.shlyuz.adapters.registry.ProductionRecord;
import kz.shlyuz.adapters.registry.ProductionRegister;
import kz.shlyuz.certs.identity.Iin;
import kz.shlyuz.proto.v1.DocumentProductionStatus;
import kz.shlyuz.proto.v1.DocumentStatusLookup;

/** {@code DOCUMENT_STATUS} at "АӨО" РМК: the production state of a document it manufactures. */
public final class ProductionStatusLookup implements Operation<DocumentStatusLookup> {
    private final RegisterName registerName;
    private final ProductionRegister register;

    public ProductionStatusLookup(RegisterName registerName, ProductionRegister register) {
        this.registerName = registerName;
        this.register = register;
    }

    @Override
    public String name() {
        return "DOCUMENT_STATUS";
    }

    @Override
    public Class<DocumentStatusLookup> bodyType() {
        return DocumentStatusLookup.class;
    }

    @Override
    public String maskedSubject(DocumentStatusLookup body) {
        // A document number identifies its holder as well as an IIN does.
        return Iin.mask(body.getDocumentNumber());
    }

    @Override
    public DocumentProductionStatus answer(DocumentStatusLookup body, OperationContext context) {
        String number = body.getDocumentNumber();
        if (!number.matches(IdentityDocumentRecord.NUMBER_PATTERN)) {
            throw Refusals.bodyInvalid(
                            name(),
                            DocumentStatusLookup.getDescriptor().getFullName(),
                            "document_number 9 цифрдан немесе N әрпі мен 8 цифрдан тұруы тиіс",
                            "document_number должен состоять из 9 цифр или буквы N и 8 цифр")
                    .exception();
        }
        ProductionRecord record = register.find(number).orElseThrow(registerName::noSuchDocument);
        return DocumentProductionStatus.newBuilder()
                .setDocumentNumber(record.documentNumber())
                .setState(record.state())
                .setUpdatedAt(ProtoTime.timestamp(record.updatedAt()))
                .setKind(record.kind())
                .build();
    }
}
