package kz.shlyuz.gateway.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.certs.testing.Await;
import kz.shlyuz.proto.v1.Case;
import kz.shlyuz.proto.v1.CaseStep;
import kz.shlyuz.proto.v1.ExitPermanentResidenceRequest;
import kz.shlyuz.proto.v1.SubmitAck;
import org.junit.jupiter.api.Test;

/**
 * Agencies that do not answer: ҰҚК silent past its term is passed over (002 §12); the tax
 * department down for weeks makes its step overdue, visibly, and the case completes when it is
 * back — with every effect applied once.
 */
class AgencyOutageProcessTest {

    static ExitPermanentResidenceRequest exit(Persona p) {
        return ExitRequests.of(p);
    }

    static Map<String, CaseStep> steps(Case c) {
        return c.getStepsList().stream().collect(Collectors.toMap(CaseStep::getName, s -> s));
    }

    @Test
    void nationalSecurityNotAnsweringInTimeIsPassedOverAndTheDecisionIsTakenWithoutIt() throws Exception {
        try (AsyncEnvironment env = new AsyncEnvironment(Set.of("knb"))) {
            SubmitAck ack = env.submit("hkko", "EXIT_PERMANENT_RESIDENCE", exit(Persona.CLEAN), "hkko-operator");
            Case waiting = env.await(
                    "hkko",
                    ack.getCaseId(),
                    c -> steps(c).containsKey("STATE_SECRETS_CHECK")
                            && steps(c).get("TAX_DEBT_CHECK").getState().equals("CLEAR"));
            assertEquals("PENDING", steps(waiting).get("STATE_SECRETS_CHECK").getState());
            assertEquals("IN_PROGRESS", waiting.getState());
            env.clock.advance(Duration.ofDays(13)); // past the 2 + 10 days of 000 table 1
            Case done = env.awaitState("hkko", ack.getCaseId(), "APPROVED");
            assertEquals("SKIPPED", steps(done).get("STATE_SECRETS_CHECK").getState());
            assertTrue(
                    done.getHistoryList().stream()
                            .anyMatch(m -> m.getStatus().equals("STEP_PASSED_OVER")
                                    && m.getTextRu().contains("решение принимается без него")),
                    done.getHistoryList().toString());
        }
    }

    @Test
    void anAgencyDownForWeeksDelaysItsStepVisiblyAndLosesNothing() throws Exception {
        try (AsyncEnvironment env = new AsyncEnvironment(Set.of("tax"))) {
            SubmitAck ack = env.submit("hkko", "EXIT_PERMANENT_RESIDENCE", exit(Persona.CLEAN), "hkko-operator");
            env.await(
                    "hkko",
                    ack.getCaseId(),
                    c -> steps(c).containsKey("TAX_DEBT_CHECK")
                            && steps(c).get("CRIMINAL_RECORD_CHECK").getState().equals("CLEAR"));
            // An hour, then weeks, of outage: the outbox keeps retrying with backoff. After the hour
            // (and a minute more per look, should the last backoff not have run out) it tries again.
            long calls = env.callsTo("tax");
            env.clock.advance(Duration.ofHours(1));
            Await.until(
                    () -> {
                        if (env.callsTo("tax") > calls) {
                            return true;
                        }
                        env.clock.advance(Duration.ofMinutes(1));
                        return false;
                    },
                    Duration.ofSeconds(10),
                    Duration.ofMillis(20),
                    () -> "the outbox retries the tax department");
            env.clock.advance(Duration.ofDays(13));
            Case late = env.await(
                    "hkko",
                    ack.getCaseId(),
                    c -> c.getHistoryList().stream().anyMatch(m -> m.getStatus().equals("STEP_OVERDUE")));
            assertTrue(steps(late).get("TAX_DEBT_CHECK").getOverdue());
            assertTrue(late.getOverdue());
            assertEquals("IN_PROGRESS", late.getState());

            env.startAdapter("tax");
            // Time goes on (a minute per look): the next retry after the backoff finds the agency up.
            Case done = env.await("hkko", ack.getCaseId(), c -> c.getState().equals("APPROVED"), Duration.ofMinutes(1));
            assertEquals("CLEAR", steps(done).get("TAX_DEBT_CHECK").getState());
            assertFalse(steps(done).get("TAX_DEBT_CHECK").getOverdue(), "answered now");
            assertEquals(
                    1,
                    env.effects("migration").stream()
                            .filter(e -> e.caseId().equals(ack.getCaseId()))
                            .count());
            assertEquals(1, env.effects("military").size());
            assertEquals(1, env.effects("mvd-docs").size());
        }
    }
}
