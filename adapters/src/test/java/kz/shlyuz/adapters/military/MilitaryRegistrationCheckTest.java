package kz.shlyuz.adapters.military;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import kz.shlyuz.adapters.operation.OperationContext;
import kz.shlyuz.adapters.registry.FixtureNode;
import kz.shlyuz.adapters.registry.MilitaryRegister;
import kz.shlyuz.certs.identity.CheckDigit;
import kz.shlyuz.proto.v1.CheckResult;
import kz.shlyuz.proto.v1.SubjectCheck;
import org.junit.jupiter.api.Test;

/**
 * No persona is doing compulsory service, so the one ground ҚБ can find is exercised here on a
 * register holding a conscript by IIN.
 */
class MilitaryRegistrationCheckTest {
    /** Born 2006-03-01, male, 21st century: 5; a conscript's age. */
    private static final String CONSCRIPT = CheckDigit.complete("06030150017");

    private static final String RESERVIST = CheckDigit.complete("90031430021");

    private final MilitaryRegistrationCheck check = new MilitaryRegistrationCheck(
            MilitaryRegister.read(FixtureNode.parse("""
            {"registrations": {
              "%s": {"status": "SERVING", "officeKk": "Астана қаласы Сарыарқа ауданының ҚБ",
                     "officeRu": "УДО района Сарыарка города Астаны", "since": "2025-11-15", "recordRef": "AS-0099113"},
              "%s": {"status": "REGISTERED", "officeKk": "ҚБ", "officeRu": "УДО", "since": "2012-01-10"}
            }}""".formatted(CONSCRIPT, RESERVIST), "test military register")));

    private final OperationContext context =
            new OperationContext("req-1", "EXIT_PERMANENT_RESIDENCE", Instant.parse("2026-11-22T08:00:00Z"));

    @Test
    void findsCompulsoryServiceInProgressAsAGround() {
        CheckResult result =
                check.answer(SubjectCheck.newBuilder().setIin(CONSCRIPT).build(), context);

        assertTrue(result.getGroundsFound());
        assertEquals("MILITARY_SERVICE", result.getGroundCode());
        assertTrue(result.getGroundRu().contains("срочную"), result.getGroundRu());
        assertTrue(result.getGroundKk().contains("қызмет басталған күн: 15.11.2025"), result.getGroundKk());
        assertTrue(result.getGroundRu().contains("с 15.11.2025"), result.getGroundRu());
        assertEquals("AS-0099113", result.getRecordRef());
    }

    @Test
    void findsNoGroundForAReservist() {
        assertFalse(check.answer(SubjectCheck.newBuilder().setIin(RESERVIST).build(), context)
                .getGroundsFound());
    }
}
