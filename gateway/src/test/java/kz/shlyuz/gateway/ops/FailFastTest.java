package kz.shlyuz.gateway.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.certs.testing.Await;
import kz.shlyuz.client.GatewayClient;
import kz.shlyuz.gateway.AdvanceableClock;
import kz.shlyuz.gateway.config.GatewayConfig;
import kz.shlyuz.gateway.journal.GroupCommitJournal;
import kz.shlyuz.gateway.ops.health.FatalErrors;
import kz.shlyuz.gateway.ops.metrics.MeteredJournal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fail fast and say so (issue 9): a dead writer thread makes health NOT_SERVING at once and, in a
 * real process, ends it with a clear line; a database that goes away makes readiness fail, and
 * the gateway serves again by itself when it returns.
 */
class FailFastTest {
    private static void await(String what, BooleanSupplier condition) {
        Await.until(condition, Duration.ofSeconds(20), what);
    }

    @Test
    void aDeadJournalWriterMakesHealthNotServingAtOnce() throws Exception {
        try (OpsEnvironment env = new OpsEnvironment(Clock.systemUTC(), c -> c)) {
            GatewayClient portal = env.client("egov-portal");
            portal.call(env.addressRequest(Persona.CLEAN, Persona.CLEAN.key()));
            var health = HealthGrpc.newBlockingStub(portal.channel());
            HealthCheckRequest gateway = HealthCheckRequest.newBuilder()
                    .setService("shlyuz.v1.Gateway")
                    .build();
            assertEquals(ServingStatus.SERVING, health.check(gateway).getStatus());

            GroupCommitJournal journal = (GroupCommitJournal) ((MeteredJournal) env.gateway.journal()).delegate();
            journal.injectWriterFault(new OutOfMemoryError("Java heap space (injected)"));

            await("gRPC health NOT_SERVING", () -> health.check(gateway).getStatus() == ServingStatus.NOT_SERVING);
            assertEquals(
                    ServingStatus.NOT_SERVING,
                    health.check(HealthCheckRequest.getDefaultInstance()).getStatus());
            AdminHttp.Answer live = env.admin.get("/health/live");
            assertEquals(503, live.status());
            assertTrue(live.body().contains("journal-group-commit"), live.body());
            AdminHttp.Answer ready = env.admin.get("/health/ready");
            assertEquals(503, ready.status(), "not cached: a fatal error applies at once");
            assertTrue(ready.json().path("fatal").path("error").asText().contains("OutOfMemoryError"), ready.body());
        }
    }

    @Test
    void aProcessWhoseWriterThreadDiesExitsWithAClearLine(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("fatal.log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                FatalThreadMain.class.getName()));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the process ended by itself");
        assertEquals(FatalErrors.EXIT_STATUS, process.exitValue());
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(output.contains("FATAL: thread journal-group-commit died (java.lang.OutOfMemoryError"), output);
    }

    /** An H2 server in its own JVM: stopping it is a database that went away, as a real one does. */
    private static Process databaseServer(Path dir, int port) throws Exception {
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "org.h2.tools.Server",
                        "-tcp",
                        "-tcpPort",
                        String.valueOf(port),
                        "-ifNotExists",
                        "-baseDir",
                        dir.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("h2-" + System.nanoTime() + ".log").toFile())
                .start();
        await("the database listens on " + port, () -> {
            try (java.net.Socket socket = new java.net.Socket()) {
                socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 200);
                return true;
            } catch (java.io.IOException e) {
                return false;
            }
        });
        return p;
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroyForcibly();
        p.waitFor(20, TimeUnit.SECONDS);
    }

    @Test
    void readinessFailsWhileTheDatabaseIsAwayAndTheGatewayRecoversWhenItReturns(@TempDir Path dir) throws Exception {
        int port = OpsEnvironment.freePort();
        Process database = databaseServer(dir, port);
        AdvanceableClock clock = new AdvanceableClock();
        try (OpsEnvironment env = new OpsEnvironment(
                clock,
                c -> c.withJournal(new GatewayConfig.JournalSettings(
                        "jdbc:h2:tcp://127.0.0.1:" + port + "/journal", "shlyuz", "", 4)))) {
            GatewayClient portal = env.client("egov-portal");
            portal.call(env.addressRequest(Persona.CLEAN, Persona.CLEAN.key()));
            assertEquals(200, env.admin.get("/health/ready").status());

            // A killed H2 server loses what it had not yet written to its file (the schema of the
            // evidence archive among it); a real database keeps what it committed, so sync first.
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                    "jdbc:h2:tcp://127.0.0.1:" + port + "/journal", "shlyuz", "")) {
                c.createStatement().execute("CHECKPOINT SYNC");
            }
            stop(database);
            clock.advance(Duration.ofSeconds(3));
            AdminHttp.Answer away = env.admin.get("/health/ready");
            assertEquals(503, away.status(), away.body());
            assertEquals(
                    "DOWN",
                    away.json()
                            .path("dependencies")
                            .path("database")
                            .path("state")
                            .asText());

            database = databaseServer(dir, port);
            // Each look lets the 30 s failure cache run out; the pool reconnects by itself.
            await("readiness back", () -> {
                clock.advance(Duration.ofSeconds(31));
                return env.admin.get("/health/ready").status() == 200;
            });
            // The group committer is alive and writes again: the call is journaled.
            portal.call(env.addressRequest(Persona.TAX_DEBTOR, Persona.TAX_DEBTOR.key()));
            assertEquals(2, env.gateway.journal().recent(10).size());
        } finally {
            stop(database);
        }
    }
}
