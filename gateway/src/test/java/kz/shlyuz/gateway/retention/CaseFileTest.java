package kz.shlyuz.gateway.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Map;
import kz.shlyuz.gateway.config.EvidenceSettings;
import org.junit.jupiter.api.Test;

/** How long a case file is kept, from the evidence archive's retention rules (002 §20). */
class CaseFileTest {
    private static final String EXIT = "EXIT_PERMANENT_RESIDENCE";
    private static final RetentionRules SHIPPED = new RetentionRules(EvidenceSettings.defaultRetention());

    private static CaseFile.Case decided(String id, String state, String at) {
        return new CaseFile.Case(
                id, EXIT, "hkko", "m-" + id, state, Instant.parse(at).minusSeconds(86_400), Instant.parse(at));
    }

    @Test
    void keepsAnExitFileTenYearsAfterAPositiveDecisionEvenWhenALaterApplicationWasRefused() {
        CaseFile file = new CaseFile(
                "EXIT-BOOK-1",
                List.of(
                        decided("a", "APPROVED", "2026-11-20T04:00:00Z"),
                        decided("b", "REFUSED", "2029-03-02T04:00:00Z")));
        assertEquals(
                Instant.parse("2036-11-20T04:00:00Z"), file.keptUntil(SHIPPED).orElseThrow());
    }

    @Test
    void keepsARefusedExitFileFiveYearsAfterItsLastRefusal() {
        CaseFile file = new CaseFile(
                "EXIT-BOOK-2",
                List.of(
                        decided("a", "REFUSED", "2026-11-20T04:00:00Z"),
                        decided("b", "REFUSED", "2029-11-20T04:00:00Z")));
        assertEquals(
                Instant.parse("2034-11-20T04:00:00Z"), file.keptUntil(SHIPPED).orElseThrow());
    }

    @Test
    void keepsAFileWithAnOpenCase() {
        CaseFile file = new CaseFile(
                "EXIT-BOOK-3",
                List.of(
                        decided("a", "REFUSED", "2020-01-10T04:00:00Z"),
                        new CaseFile.Case(
                                "b", EXIT, "hkko", "m-b", "IN_PROGRESS", Instant.parse("2021-01-10T04:00:00Z"), null)));
        assertTrue(file.keptUntil(SHIPPED).isEmpty());
    }

    @Test
    void readsThePeriodsFromTheEvidenceRetentionSoTheTwoNeverDiffer() {
        RetentionRules rules = new RetentionRules(new EvidenceSettings.Retention(
                Period.ofYears(3),
                Period.ofYears(1),
                Map.of(EXIT, new EvidenceSettings.Retention(Period.ofYears(7), Period.ofYears(2), Map.of()))));
        assertEquals(Period.ofYears(7), rules.period(EXIT, true));
        assertEquals(Period.ofYears(1), rules.period("TEMPORARY_ID", false));
        assertTrue(
                rules.describe(EXIT, true).contains("evidence.retention.services.EXIT_PERMANENT_RESIDENCE.positive"),
                rules.describe(EXIT, true));
        assertTrue(
                rules.describe("TEMPORARY_ID", false).contains("seed silent"), rules.describe("TEMPORARY_ID", false));
    }
}
