package kz.shlyuz.adapters.consular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import kz.shlyuz.adapters.effect.EffectLedger;
import kz.shlyuz.adapters.operation.OperationContext;
import kz.shlyuz.adapters.registry.FixtureLoader;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.proto.v1.CheckResult;
import kz.shlyuz.proto.v1.EffectOrder;
import kz.shlyuz.proto.v1.EffectReceipt;
import kz.shlyuz.proto.v1.ObjectionReview;
import org.junit.jupiter.api.Test;

/** The police department's part of 001 (§11 re-decision, annex 4 decision) against the shipped fixture. */
class ObjectionReviewOperationTest {
    private static final OperationContext AT =
            new OperationContext("req-1", "CONSULAR_PERMANENT_STAY", Instant.parse("2026-11-20T04:00:00Z"));
    private final ObjectionReviewOperation review =
            new ObjectionReviewOperation(ObjectionReviews.read(FixtureLoader.load("migration")));

    private static ObjectionReview objection(Persona p, String reasons, String... materials) {
        return ObjectionReview.newBuilder()
                .setCaseId("C-1")
                .setIin(p.iin().value())
                .setGroundsCode("COURT_DEBTOR")
                .setGroundsKk("Борышкер")
                .setGroundsRu("Должник")
                .setReasons(reasons)
                .addAllMaterialRefs(java.util.List.of(materials))
                .build();
    }

    @Test
    void upholdsAnObjectionOnlyWithMaterialsTheFilesConfirm() {
        assertFalse(review.answer(objection(Persona.COURT_DEBTOR, "Долг погашен", "bailiff-order.pdf"), AT)
                .getGroundsFound());
        CheckResult withoutMaterials = review.answer(objection(Persona.COURT_DEBTOR, "Долг погашен"), AT);
        assertTrue(withoutMaterials.getGroundsFound());
        assertEquals("COURT_DEBTOR", withoutMaterials.getGroundCode());
        assertTrue(withoutMaterials.getGroundRu().contains("не устраняют основание отказа: Должник"));
        CheckResult empty = review.answer(objection(Persona.COURT_DEBTOR, " "), AT);
        assertTrue(empty.getGroundRu().startsWith("Возражение не содержит ни доводов, ни материалов"));
    }

    @Test
    void keepsTheRefusalWithTheDepartmentsReasonsWhenTheFilesContradictTheObjection() {
        CheckResult r = review.answer(objection(Persona.CONVICTED, "Наказание отбыто", "release.pdf"), AT);
        assertTrue(r.getGroundsFound());
        assertTrue(r.getGroundRu().contains("наказание не отбыто"), r.getGroundRu());
        assertEquals("ERDR-227900131000214", r.getRecordRef());
    }

    @Test
    void annexFourNotificationNamesTheDepartmentTheDecisionsDateAndNumber() {
        EffectReceipt receipt = new PermanentStayNotification(new EffectLedger("migration"))
                .answer(
                        EffectOrder.newBuilder()
                                .setCaseId("C-2")
                                .setIin(Persona.CLEAN.iin().value())
                                .setCountry("DE")
                                .setAddress(
                                        kz.shlyuz.proto.v1.Address.newBuilder().setRegion("Алматы қаласы"))
                                .build(),
                        AT);
        assertEquals("PD-2026-000001", receipt.getReference());
        assertTrue(
                receipt.getTextKk()
                        .contains("Алматы қаласы Полиция департаментінің 2026 жылғы 20 қарашадағы № PD-2026-000001"),
                receipt.getTextKk());
        assertTrue(receipt.getTextRu().contains("от 20 ноября 2026 года № PD-2026-000001"), receipt.getTextRu());
    }
}
