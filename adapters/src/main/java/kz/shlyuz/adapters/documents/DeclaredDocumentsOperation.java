package kz.shlyuz.adapters.documents;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import kz.shlyuz.adapters.check.CheckResults;
import kz.shlyuz.adapters.operation.Operation;
import kz.shlyuz.adapters.operation.OperationContext;
import kz.shlyuz.adapters.operation.RegisterName;
import kz.shlyuz.adapters.operation.SubjectNumbers;
import kz.shlyuz.adapters.registry.DocumentRegister;
import kz.shlyuz.adapters.registry.Ground;
import kz.shlyuz.adapters.registry.IdentityDocumentRecord;
import kz.shlyuz.certs.identity.Iin;
import kz.shlyuz.proto.v1.CheckResult;
import kz.shlyuz.proto.v1.Date;
import kz.shlyuz.proto.v1.DeclaredDocumentsCheck;
import kz.shlyuz.proto.v1.DocumentKind;
import kz.shlyuz.proto.v1.IdentityDocumentRef;

/**
 * {@code DECLARED_DOCUMENTS_CHECK} at ХҚТ ТП АЖ: are the passport and ID card an applicant wrote
 * on the questionnaire the ones the register issued to them, with that number and issue date?
 * A declared document the register does not hold so is the ground of 002 §3.6 (false
 * information about oneself); the migration service decides it within the case's month. A
 * document not declared is not compared.
 */
public final class DeclaredDocumentsOperation implements Operation<DeclaredDocumentsCheck> {
    /** The ground code a reasoned refusal quotes. */
    public static final String GROUND_CODE = "FALSE_INFORMATION";

    private final RegisterName registerName;
    private final DocumentRegister register;

    public DeclaredDocumentsOperation(RegisterName registerName, DocumentRegister register) {
        this.registerName = registerName;
        this.register = register;
    }

    @Override
    public String name() {
        return "DECLARED_DOCUMENTS_CHECK";
    }

    @Override
    public Class<DeclaredDocumentsCheck> bodyType() {
        return DeclaredDocumentsCheck.class;
    }

    @Override
    public String maskedSubject(DeclaredDocumentsCheck body) {
        return Iin.mask(body.getIin());
    }

    @Override
    public CheckResult answer(DeclaredDocumentsCheck body, OperationContext context) {
        Iin iin = SubjectNumbers.iin(body.getIin(), "iin");
        List<IdentityDocumentRecord> issued = register.find(iin).orElseThrow(registerName::noSuchPerson);
        Optional<Ground> ground = mismatch(issued, DocumentKind.DOCUMENT_KIND_ID_CARD, body, true)
                .or(() -> mismatch(issued, DocumentKind.DOCUMENT_KIND_PASSPORT, body, false));
        return ground.map(g -> CheckResults.found(iin, g, context.now()))
                .orElseGet(() -> CheckResults.clean(iin, context.now()));
    }

    private static Optional<Ground> mismatch(
            List<IdentityDocumentRecord> issued, DocumentKind kind, DeclaredDocumentsCheck body, boolean idCard) {
        boolean declared = idCard ? body.hasIdCard() : body.hasPassport();
        if (!declared) {
            return Optional.empty();
        }
        IdentityDocumentRef ref = idCard ? body.getIdCard() : body.getPassport();
        Optional<LocalDate> issuedOn = date(ref.getIssuedOn());
        boolean holds = issued.stream()
                .anyMatch(d -> d.kind() == kind
                        && d.number().equals(ref.getNumber())
                        && issuedOn.map(d.issuedOn()::equals).orElse(false));
        if (holds) {
            return Optional.empty();
        }
        String whatKk = idCard ? "жеке куәлік" : "паспорт";
        String whatRu = idCard ? "удостоверение личности" : "паспорт";
        return Optional.of(new Ground(
                GROUND_CODE,
                "Сауалнамада көрсетілген " + whatKk + " (№ " + ref.getNumber()
                        + ") құжаттандыру тізілімінде осы нөмірмен және берілген күнімен жоқ: өзі туралы "
                        + "жалған мәліметтер; мәселені көші-қон қызметі бір айдан аспайтын мерзімде шешеді",
                "Указанное в анкете " + whatRu + " (№ " + ref.getNumber()
                        + ") не значится в реестре документирования с этим номером и датой выдачи: ложные "
                        + "сведения о себе; вопрос решает миграционная служба в срок не более одного месяца",
                "DECLARED-" + (idCard ? "ID" : "PASSPORT")));
    }

    private static Optional<LocalDate> date(Date d) {
        try {
            return Optional.of(LocalDate.of(d.getYear(), d.getMonth(), d.getDay()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
