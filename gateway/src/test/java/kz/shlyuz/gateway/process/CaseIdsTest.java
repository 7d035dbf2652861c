package kz.shlyuz.gateway.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import kz.shlyuz.gateway.clock.AdjustableClock;
import org.junit.jupiter.api.Test;

/** Case ids come from the process clock and the injected generator alone. */
class CaseIdsTest {
    private static final Instant START = Instant.parse("2026-11-20T04:00:00Z");

    @Test
    void anIdNamesTheYearAndMillisecondOfTheProcessClockThenSixtyFourRandomBits() {
        AdjustableClock clock = new AdjustableClock(START);
        String id = new CaseIds(clock, new Random(1)).next();
        assertTrue(id.matches("C2026-[0-9A-F]{28}"), id);
        assertEquals(String.format("%012X", START.toEpochMilli()), id.substring(6, 18));
        assertEquals(String.format("%016X", new Random(1).nextLong()), id.substring(18));
    }

    @Test
    void theYearIsAstanasSoNewYearsEveInUtcIsAlreadyTheNextYear() {
        Instant newYearInAstana = Instant.parse("2026-12-31T19:30:00Z"); // 00:30 on 1 January, UTC+5
        assertTrue(new CaseIds(new AdjustableClock(newYearInAstana), new Random(1))
                .next()
                .startsWith("C2027-"));
    }

    @Test
    void idsSortInTheOrderTheProcessClockOpenedTheirCases() {
        AdjustableClock clock = new AdjustableClock(START);
        CaseIds ids = new CaseIds(clock, new Random(7));
        String earlier = ids.next();
        clock.advance(Duration.ofMillis(1));
        String later = ids.next();
        assertTrue(earlier.compareTo(later) < 0, earlier + " before " + later);
    }

    @Test
    void idsOfTheSameMillisecondDifferAndRepeatForTheSameSeed() {
        AdjustableClock clock = new AdjustableClock(START); // stands still
        CaseIds ids = new CaseIds(clock, new Random(3));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertTrue(seen.add(ids.next()), "unique");
        }
        assertEquals(new CaseIds(clock, new Random(3)).next(), new CaseIds(clock, new Random(3)).next());
        assertTrue(new CaseIds(clock, new Random(3)).next().length() <= 40, "fits process_case.case_id");
    }

    @Test
    void aStepsRequestIdDependsOnTheCaseAndStepOnly() {
        String id = CaseIds.requestId("C2026-1", "TAX_DEBT_CHECK");
        assertTrue(id.matches("step-[0-9a-f]{32}"), id);
        assertEquals(id, CaseIds.requestId("C2026-1", "TAX_DEBT_CHECK"), "the same on every retry");
        assertNotEquals(id, CaseIds.requestId("C2026-1", "TAX_DEBT_CHECK_R"));
        assertNotEquals(id, CaseIds.requestId("C2026-2", "TAX_DEBT_CHECK"));
    }
}
