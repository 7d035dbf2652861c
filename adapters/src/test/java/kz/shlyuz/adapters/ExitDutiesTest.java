package kz.shlyuz.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Message;
import java.time.Instant;
import java.time.LocalDate;
import kz.shlyuz.adapters.agency.AgencyCatalog;
import kz.shlyuz.adapters.agency.AgencyDefinition;
import kz.shlyuz.adapters.operation.Operation;
import kz.shlyuz.adapters.operation.OperationContext;
import kz.shlyuz.adapters.samples.ExitQuestionnaire;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.proto.v1.CheckResult;
import kz.shlyuz.proto.v1.DeclaredDocumentsCheck;
import kz.shlyuz.proto.v1.EffectOrder;
import kz.shlyuz.proto.v1.EffectReceipt;
import kz.shlyuz.proto.v1.ExitPermanentResidenceRequest;
import kz.shlyuz.proto.v1.IdentityDocumentRef;
import org.junit.jupiter.api.Test;

/** The agencies' parts of 000/002 that issue 11 adds: the declared documents (002 §3.6) and the ҚБ (000 action 12). */
class ExitDutiesTest {
    private static final OperationContext CONTEXT =
            new OperationContext("req-exit-1", "EXIT_PERMANENT_RESIDENCE", Instant.parse("2026-11-22T08:00:00Z"));

    @SuppressWarnings("unchecked")
    private static <B extends Message> Message answer(AgencyDefinition agency, String operation, B body) {
        Operation<B> op = (Operation<B>) agency.operation(operation).orElseThrow();
        return op.answer(body, CONTEXT);
    }

    @Test
    void findsFalseInformationWhenTheDeclaredIdCardIsNotTheRegistersAndNoneWhenItIs() {
        AgencyDefinition docs = AgencyCatalog.assemble("mvd-docs");
        ExitPermanentResidenceRequest q = ExitQuestionnaire.of(
                        Persona.CLEAN.iin().value(), LocalDate.of(2026, 11, 20))
                .build();
        DeclaredDocumentsCheck truthful = DeclaredDocumentsCheck.newBuilder()
                .setIin(q.getIin())
                .setIdCard(q.getIdCard())
                .setPassport(q.getPassport())
                .build();
        assertFalse(((CheckResult) answer(docs, "DECLARED_DOCUMENTS_CHECK", truthful)).getGroundsFound());

        DeclaredDocumentsCheck wrongDate = truthful.toBuilder()
                .setPassport(IdentityDocumentRef.newBuilder(q.getPassport())
                        .setIssuedOn(q.getPassport().getIssuedOn().toBuilder().setDay(21)))
                .build();
        CheckResult found = (CheckResult) answer(docs, "DECLARED_DOCUMENTS_CHECK", wrongDate);
        assertTrue(found.getGroundsFound());
        assertEquals("FALSE_INFORMATION", found.getGroundCode());
        assertTrue(found.getGroundRu().contains("паспорт"), found.getGroundRu());
    }

    @Test
    void takesOffTheMilitaryRegisterOnlySomeoneOnIt() {
        AgencyDefinition military = AgencyCatalog.assemble("military");
        EffectReceipt reservist = (EffectReceipt) answer(
                military,
                "MILITARY_DEREGISTRATION",
                EffectOrder.newBuilder()
                        .setCaseId("C-exit-1")
                        .setIin(Persona.CLEAN.iin().value())
                        .build());
        assertTrue(reservist.getReference().startsWith("QB-"), reservist.toString());

        EffectReceipt notRegistered = (EffectReceipt) answer(
                military,
                "MILITARY_DEREGISTRATION",
                EffectOrder.newBuilder()
                        .setCaseId("C-exit-2")
                        .setIin(Persona.TAX_DEBTOR.iin().value())
                        .build());
        assertEquals("", notRegistered.getReference());
        assertTrue(notRegistered.getTextRu().contains("не состоит"), notRegistered.getTextRu());
        assertFalse(notRegistered.getTextKk().contains("шығарылды"), notRegistered.getTextKk());
    }
}
