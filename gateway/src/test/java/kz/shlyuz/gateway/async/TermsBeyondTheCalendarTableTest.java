package kz.shlyuz.gateway.async;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Set;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.proto.v1.SubmitAck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 11 point 11: a term that reaches past the calendar table's last year (2028) is computed
 * by the provisional rule, so a Submit made late in 2028 is acknowledged and its case runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TermsBeyondTheCalendarTableTest {
    private AsyncEnvironment env;

    @BeforeAll
    void start() throws Exception {
        env = new AsyncEnvironment(Set.of());
        // Friday 20 October 2028, 09:00 in Astana: three months later is 2029, a year not in the table.
        env.clock.advanceTo(Instant.parse("2028-10-20T04:00:00Z"));
    }

    @AfterAll
    void stop() {
        env.close();
    }

    @Test
    void aThreeMonthTermIntoAYearOutsideTheTableIsAcknowledgedAndTheCaseRuns() {
        SubmitAck ack = env.submit(
                "burkit", "CONSULAR_PERMANENT_STAY", OtherServicesTest.consular(Persona.CLEAN), "consular-officer");
        assertEquals("ACCEPTED", ack.getStatus());
        // 20 January 2029 is a Saturday: the term ends on Monday 22 January, 18:30 in Astana.
        assertEquals(Instant.parse("2029-01-22T13:30:00Z"), OtherServicesTest.at(ack.getDueAt()));
        env.awaitState("burkit", ack.getCaseId(), "APPROVED");
    }
}
