package kz.shlyuz.gateway.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import kz.shlyuz.adapters.monitoring.StageReportLedger;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.certs.testing.Await;
import kz.shlyuz.gateway.config.GatewayConfig;
import kz.shlyuz.gateway.config.RecordsSettings;
import kz.shlyuz.proto.v1.SubmitAck;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * 001 §14: the provider enters the data of every stage of the service into the public-services
 * monitoring system. Every status message of every case is reported once, through TLS, to the
 * monitoring adapter, however long it is down and across a gateway restart, and never in a
 * case's way.
 */
class StageReportsTest {
    /** Reports looked for every 20 ms and retried after 50 ms, doubling to 200 ms (wall clock). */
    static final UnaryOperator<GatewayConfig> QUICK_REPORTS = c -> c.withRecords(c.records()
            .withMonitoring(new RecordsSettings.Monitoring(
                    true, "monitoring", Duration.ofMillis(20), 100, Duration.ofMillis(50), Duration.ofMillis(200))));

    @Test
    @DisplayName("001 §14: every stage of every case is reported to the monitoring system once, through an outage and a"
            + " gateway restart")
    void reportsEveryStageOfEveryCaseOnceThroughAnOutageAndARestart() throws Exception {
        try (AsyncEnvironment env = new AsyncEnvironment(QUICK_REPORTS, Set.of("monitoring", "tax"))) {
            RecordsDb db = new RecordsDb(env.config);
            // A consular case runs to its end while the monitoring system is down: it is not held up.
            SubmitAck consular = env.submit(
                    "burkit",
                    "CONSULAR_PERMANENT_STAY",
                    RegistersTest.consular(Persona.CLEAN, "N07654321"),
                    "consular-officer");
            env.awaitState("burkit", consular.getCaseId(), "APPROVED");
            Await.until(
                    () -> db.reportAttempts(consular.getCaseId()) > 0,
                    Duration.ofSeconds(20),
                    () -> "the reporter tries the monitoring system while it is down");
            assertTrue(
                    db.reportStates(consular.getCaseId()).stream().allMatch("PENDING"::equals),
                    db.reportStates(consular.getCaseId()).toString());
            assertEquals(
                    db.statuses(consular.getCaseId()).size(),
                    db.reportStates(consular.getCaseId()).size(),
                    "one report per status message");

            // An exit case waits for the tax department, which is down too.
            SubmitAck exit =
                    env.submit("hkko", "EXIT_PERMANENT_RESIDENCE", RegistersTest.exit(Persona.CLEAN), "hkko-operator");
            env.await(
                    "hkko",
                    exit.getCaseId(),
                    c -> c.getStepsList().stream()
                            .anyMatch(s -> s.getName().equals("CRIMINAL_RECORD_CHECK")
                                    && s.getState().equals("CLEAR")));

            // The monitoring system comes back: what was reported so far arrives.
            env.startAdapter("monitoring");
            Await.until(
                    () -> allSent(db, consular.getCaseId()) && allSent(db, exit.getCaseId()),
                    Duration.ofSeconds(20),
                    () -> "reports delivered once the monitoring system is up: " + db.reportStates(exit.getCaseId()));

            // The gateway restarts while the exit case waits; the tax department comes back meanwhile.
            env.gateway.close();
            env.startAdapter("tax");
            env.startNode("node-2");
            Await.until(
                    () -> {
                        if ("APPROVED".equals(db.state(exit.getCaseId()))) {
                            return true;
                        }
                        env.clock.advance(Duration.ofMinutes(1)); // the next retry of the tax step comes due
                        return false;
                    },
                    Duration.ofSeconds(30),
                    () -> "the exit case finishes on the restarted gateway: " + env.outboxOf(exit.getCaseId()));
            Await.until(
                    () -> allSent(db, exit.getCaseId()),
                    Duration.ofSeconds(20),
                    () -> "the restarted gateway reports the later stages: " + db.reportStates(exit.getCaseId()));

            // Each status message of each case was registered once, in order, under its own key.
            for (String caseId : List.of(consular.getCaseId(), exit.getCaseId())) {
                List<StageReportLedger.Registered> got = reportsOf(env, caseId);
                assertEquals(
                        db.statuses(caseId),
                        got.stream().map(StageReportLedger.Registered::event).toList());
                assertEquals(
                        db.cursors(caseId).stream().map(seq -> "MON-" + seq).toList(),
                        got.stream().map(StageReportLedger.Registered::key).toList());
                assertEquals("ACCEPTED", got.get(0).event());
                assertEquals("APPROVED", got.get(got.size() - 1).event());
            }
            List<StageReportLedger.Registered> exitReports = reportsOf(env, exit.getCaseId());
            // Each STAGE_DONE names the stage begun: 2, 3, … in order.
            List<Integer> begun = exitReports.stream()
                    .filter(r -> r.event().equals("STAGE_DONE"))
                    .map(StageReportLedger.Registered::stage)
                    .toList();
            assertEquals(
                    java.util.stream.IntStream.rangeClosed(2, begun.size() + 1)
                            .boxed()
                            .toList(),
                    begun);
            assertTrue(exitReports.stream().allMatch(r -> r.serviceId().equals("EXIT_PERMANENT_RESIDENCE")));

            // A receipt that never arrived: the report goes again under its key and is registered once.
            String key = exitReports.get(0).key();
            int registered = env.test.adapters.stageReports("monitoring").size();
            assertEquals(
                    1,
                    db.update(
                            "UPDATE monitoring_report SET state = 'PENDING', sent_at = NULL, receipt_no = NULL "
                                    + "WHERE report_key = ?",
                            key));
            Await.until(
                    () -> db.strings("SELECT state FROM monitoring_report WHERE report_key = ?", key)
                            .equals(List.of("SENT")),
                    Duration.ofSeconds(20),
                    () -> "the report is sent again");
            assertEquals(
                    registered, env.test.adapters.stageReports("monitoring").size());
            assertEquals(
                    List.of(exitReports.get(0).number()),
                    db.strings("SELECT receipt_no FROM monitoring_report WHERE report_key = ?", key),
                    "the monitoring system answers with the number it gave the first time");
            assertFalse(
                    env.test.adapters.stageReports("monitoring").stream()
                            .anyMatch(r ->
                                    r.caseRef().contains(Persona.CLEAN.iin().value())),
                    "reports name the case, never the person");
        }
    }

    private static boolean allSent(RecordsDb db, String caseId) {
        List<String> states = db.reportStates(caseId);
        return !states.isEmpty()
                && states.size() == db.statuses(caseId).size()
                && states.stream().allMatch("SENT"::equals);
    }

    private static List<StageReportLedger.Registered> reportsOf(AsyncEnvironment env, String caseId) {
        return env.test.adapters.stageReports("monitoring").stream()
                .filter(r -> r.caseRef().equals(caseId))
                .toList();
    }
}
