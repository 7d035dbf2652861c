package kz.shlyuz.adapters.documents;

import kz.shlyuz.adapters.operation.Operation;
import kz.shlyuz.adapters.operation.OperationContext;
import kz.shlyuz.adapters.operation.ProtoTime;
import kz.shlyuz.adapters.operation.RegisterName;
import kz.shlyuz.adapters.operation.SubjectNumbers;
import kz.shlyuz.adapters.registry.DocumentRegister;
import kz.shlyuz.adapters.registry.IdentityDocumentRecord;
import kz.shlyuz.certs.identity.Iin;
import kz.shlyuz.proto.v1.DocumentsLookup;
import kz.shlyuz.proto.v1.IdentityDocument;
import kz.shlyuz.proto.v1.IdentityDocuments;

/** {@code DOCUMENTS_LOOKUP} at ХҚТ ТП АЖ: a person's passports and ID cards, newest first. */
public final class IdentityDocumentsLookup implements Operation<DocumentsLookup> {
    private final RegisterName registerName;
    private final DocumentRegister register;

    public IdentityDocumentsLookup(RegisterName registerName, DocumentRegister register) {
        this.registerName = registerName;
        this.register = register;
    }

    @Override
    public String name() {
        return "DOCUMENTS_LOOKUP";
    }

    @Override
    public Class<DocumentsLookup> bodyType() {
        return DocumentsLookup.class;
    }

    @Override
    public String maskedSubject(DocumentsLookup body) {
        return Iin.mask(body.getIin());
    }

    @Override
    public IdentityDocuments answer(DocumentsLookup body, OperationContext context) {
        Iin iin = SubjectNumbers.iin(body.getIin(), "iin");
        IdentityDocuments.Builder documents =
                IdentityDocuments.newBuilder().setIin(iin.value()).setCheckedAt(ProtoTime.timestamp(context.now()));
        for (IdentityDocumentRecord record : register.find(iin).orElseThrow(registerName::noSuchPerson)) {
            documents.addDocuments(IdentityDocument.newBuilder()
                    .setKind(record.kind())
                    .setNumber(record.number())
                    .setIssuedOn(ProtoTime.date(record.issuedOn()))
                    .setValidUntil(ProtoTime.date(record.validUntil()))
                    .setIssuer(record.issuer())
                    .setStatus(record.status()));
        }
        return documents.build();
    }
}
