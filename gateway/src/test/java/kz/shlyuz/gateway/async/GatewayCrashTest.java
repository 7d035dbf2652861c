package kz.shlyuz.gateway.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import kz.shlyuz.certs.cms.CmsSigner;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.certs.pki.DevPki;
import kz.shlyuz.certs.testing.Await;
import kz.shlyuz.certs.tls.TlsFiles;
import kz.shlyuz.client.GatewayClient;
import kz.shlyuz.client.RequestBuilder;
import kz.shlyuz.gateway.TestAdapters;
import kz.shlyuz.gateway.TestPki;
import kz.shlyuz.gateway.config.ConfigLoader;
import kz.shlyuz.gateway.server.DevMaterial;
import kz.shlyuz.proto.v1.CabinetGrpc;
import kz.shlyuz.proto.v1.Case;
import kz.shlyuz.proto.v1.ExitPermanentResidenceRequest;
import kz.shlyuz.proto.v1.ListCasesRequest;
import kz.shlyuz.proto.v1.SubmitAck;
import org.junit.jupiter.api.Test;

/**
 * Kill -9 in the middle of running processes: the gateway runs as its own OS process on an H2
 * file, is killed with SIGKILL while cases are between steps, and is started again on the same
 * database. Every acknowledged case completes and every agency effect happened exactly once.
 */
class GatewayCrashTest {
    private static final int CASES = 24;

    @Test
    void everyAcknowledgedCaseCompletesAfterSigkillAndNoEffectHappensTwice() throws Exception {
        DevPki pki = TestPki.get();
        Path data = Files.createTempDirectory("shlyuz-crash-");
        String jdbc = "jdbc:h2:file:" + data.resolve("journal") + ";DB_CLOSE_ON_EXIT=FALSE";
        Set<String> agencies = ConfigLoader.defaults(data).adapters().keySet();
        List<Process> processes = new ArrayList<>();
        try (TestAdapters adapters =
                new TestAdapters(pki, agencies, Set.of(), Clock.systemUTC(), Duration.ofSeconds(1))) {
            try {
                String endpoints =
                        agencies.stream().map(a -> a + "=" + adapters.port(a)).collect(Collectors.joining(","));
                RequestBuilder requests = new RequestBuilder(new CmsSigner(Clock.systemUTC()));

                Process first = launch(pki, data, jdbc, endpoints, "first");
                processes.add(first);
                int port = awaitReady(first);
                List<String> acknowledged = new ArrayList<>();
                try (GatewayClient hkko = client(pki, port)) {
                    // On the military register, so that each case has its three effects (000 action 12).
                    Persona[] clean = {Persona.CLEAN, Persona.EMPLOYER};
                    for (int i = 0; i < CASES; i++) {
                        ExitPermanentResidenceRequest body = ExitRequests.of(
                                clean[i % clean.length].iin().value(), "DE", ExitRequests.day(Instant.now()));
                        SubmitAck ack = hkko.submit(requests.sign(
                                RequestBuilder.content("hkko", "EXIT_PERMANENT_RESIDENCE", body, Instant.now()),
                                List.of(pki.signerKey("hkko-operator"))));
                        acknowledged.add(ack.getCaseId());
                    }
                }
                // Kill once some cases have reached their decision but most have not finished.
                Await.until(
                        () -> adapters.effects("migration").size() >= 3,
                        Duration.ofSeconds(20),
                        () -> "three decisions taken before the kill; "
                                + adapters.effects("migration").size() + " are");
                first.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no graceful close
                assertTrue(first.waitFor(10, TimeUnit.SECONDS));
                assertEquals(137, first.exitValue(), "killed by SIGKILL");
                int finishedAtKill = adapters.effects("mvd-docs").size();
                assertTrue(finishedAtKill < CASES, "killed mid-run: " + finishedAtKill + " of " + CASES + " finished");
                System.out.printf(
                        "crash test: SIGKILL with %d of %d cases finished, %d decisions taken%n",
                        finishedAtKill, CASES, adapters.effects("migration").size());

                Process second = launch(pki, data, jdbc, endpoints, "second");
                processes.add(second);
                int port2 = awaitReady(second);
                try (GatewayClient hkko = client(pki, port2)) {
                    CabinetGrpc.CabinetBlockingStub cabinet = CabinetGrpc.newBlockingStub(hkko.channel());
                    AtomicReference<Map<String, String>> seen = new AtomicReference<>(Map.of());
                    // Generous for a loaded 2-core machine: it returns as soon as they are. A look is a
                    // cabinet query, so at a steady pace.
                    Await.until(
                            () -> {
                                Map<String, String> now = cabinet
                                        .withDeadlineAfter(15, TimeUnit.SECONDS)
                                        .listCases(ListCasesRequest.newBuilder()
                                                .setPageSize(500)
                                                .build())
                                        .getCasesList()
                                        .stream()
                                        .collect(Collectors.toMap(Case::getCaseId, Case::getState));
                                seen.set(now);
                                return now.size() == CASES
                                        && now.values().stream().allMatch("APPROVED"::equals);
                            },
                            Duration.ofMinutes(2),
                            Duration.ofMillis(100),
                            () -> "every case APPROVED after the restart; " + seen.get());
                    Map<String, String> states = seen.get();
                    assertEquals(Set.copyOf(acknowledged), states.keySet(), "every acknowledged case is there");
                    assertTrue(states.values().stream().allMatch("APPROVED"::equals), states.toString());
                }
                for (String caseId : acknowledged) {
                    for (String agency : List.of("migration", "military", "mvd-docs")) {
                        long n = adapters.effects(agency).stream()
                                .filter(e -> e.caseId().equals(caseId))
                                .count();
                        assertEquals(1, n, agency + " effect of " + caseId);
                    }
                }
                assertEquals(CASES, adapters.effects("migration").size());
            } finally {
                for (Process p : processes) {
                    p.destroyForcibly();
                    p.waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
    }

    private static Process launch(DevPki pki, Path data, String jdbc, String endpoints, String name)
            throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashTestGateway.class.getName(),
                        pki.dir().toString(),
                        data.toString(),
                        jdbc,
                        endpoints)
                .redirectError(data.resolve(name + ".log").toFile())
                .start();
    }

    private static int awaitReady(Process p) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("READY ")) {
                return Integer.parseInt(line.substring(6).trim());
            }
        }
        throw new AssertionError("gateway process exited before it was ready: " + p.exitValue());
    }

    private static GatewayClient client(DevPki pki, int port) {
        return new GatewayClient(
                "127.0.0.1",
                port,
                new TlsFiles(pki.tlsCertChainPem("hkko"), pki.tlsKeyPem("hkko"), pki.tlsTrustPem()),
                DevMaterial.GATEWAY_SYSTEM,
                Duration.ofSeconds(10));
    }
}
