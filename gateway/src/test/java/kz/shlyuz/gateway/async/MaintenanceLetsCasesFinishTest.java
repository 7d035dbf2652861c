package kz.shlyuz.gateway.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Set;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.certs.testing.Await;
import kz.shlyuz.client.Refusals;
import kz.shlyuz.gateway.ops.AdminHttp;
import kz.shlyuz.proto.v1.Case;
import kz.shlyuz.proto.v1.SubmitAck;
import org.junit.jupiter.api.Test;

/**
 * Maintenance drains a node without abandoning its cases (issue 12.5): a case waiting for an
 * agency when maintenance is turned on goes on — its outbox retries, its steps and its decision
 * are taken — while every new call is refused with MAINTENANCE; turned off, the cabinet shows the
 * decision and the effects were applied once. The case's state is read from the database, since
 * the node refuses cabinet reads while it drains.
 */
class MaintenanceLetsCasesFinishTest {
    @Test
    void aCaseWaitingForAnAgencyFinishesWhileTheNodeRefusesNewCalls() throws Exception {
        try (AsyncEnvironment env = new AsyncEnvironment(Set.of("tax"))) {
            SubmitAck ack = env.submit(
                    "hkko", "EXIT_PERMANENT_RESIDENCE", AgencyOutageProcessTest.exit(Persona.CLEAN), "hkko-operator");
            env.await(
                    "hkko",
                    ack.getCaseId(),
                    c -> AgencyOutageProcessTest.steps(c).containsKey("TAX_DEBT_CHECK"));
            AdminHttp admin = new AdminHttp(env.gateway.operations().adminPort());
            assertEquals(200, admin.post("/maintenance", "on").status());

            StatusRuntimeException refused = assertThrows(
                    StatusRuntimeException.class,
                    () -> env.submit(
                            "hkko",
                            "EXIT_PERMANENT_RESIDENCE",
                            AgencyOutageProcessTest.exit(Persona.TAX_DEBTOR),
                            "hkko-operator"));
            assertEquals(Status.Code.UNAVAILABLE, refused.getStatus().getCode());
            assertEquals("MAINTENANCE", Refusals.read(refused).reason());

            env.startAdapter("tax");
            String state = awaitFinished(env, ack.getCaseId());
            assertEquals("APPROVED", state, "decided while the node drained");
            assertTrue(admin.get("/maintenance").json().path("maintenance").asBoolean(), "still in maintenance");

            assertEquals(200, admin.post("/maintenance", "off").status());
            Case done = env.caseOf("hkko", ack.getCaseId());
            assertEquals("APPROVED", done.getState());
            assertEquals(
                    1,
                    env.effects("migration").stream()
                            .filter(e -> e.caseId().equals(ack.getCaseId()))
                            .count());
            assertEquals(1, env.effects("mvd-docs").size());
        }
    }

    /**
     * The case's state once it has finished, read from the journal database; process time goes
     * on a minute per look so that the outbox's backoff passes (at most 30 s of real time).
     */
    private static String awaitFinished(AsyncEnvironment env, String caseId) throws Exception {
        String[] state = new String[1];
        try (Connection c = DriverManager.getConnection(
                        env.config.journal().jdbcUrl(),
                        env.config.journal().user(),
                        env.config.journal().password());
                PreparedStatement s =
                        c.prepareStatement("SELECT state, finished_at FROM process_case WHERE case_id = ?")) {
            s.setString(1, caseId);
            Await.until(
                    () -> {
                        try (ResultSet rs = s.executeQuery()) {
                            if (rs.next()) {
                                state[0] = rs.getString(1);
                                if (rs.getTimestamp(2) != null) {
                                    return true;
                                }
                            }
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                        env.clock.advance(Duration.ofMinutes(1));
                        return false;
                    },
                    Duration.ofSeconds(30),
                    Duration.ofMillis(20),
                    () -> "case " + caseId + " to finish during maintenance; last state " + state[0]);
        }
        return state[0];
    }
}
