package kz.shlyuz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Context;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import kz.shlyuz.adapters.AdapterConfig;
import kz.shlyuz.adapters.AdapterServer;
import kz.shlyuz.adapters.effect.EffectLedger;
import kz.shlyuz.certs.cms.CmsSigner;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.certs.pki.DevPki;
import kz.shlyuz.certs.pki.TestPki;
import kz.shlyuz.certs.testing.Await;
import kz.shlyuz.certs.tls.TlsFiles;
import kz.shlyuz.client.GatewayClient;
import kz.shlyuz.client.RequestBuilder;
import kz.shlyuz.gateway.config.ConfigLoader;
import kz.shlyuz.gateway.ops.config.ConfigSources;
import kz.shlyuz.gateway.server.DevMaterial;
import kz.shlyuz.proto.v1.CabinetGrpc;
import kz.shlyuz.proto.v1.Case;
import kz.shlyuz.proto.v1.DocumentKind;
import kz.shlyuz.proto.v1.IdDocumentRequest;
import kz.shlyuz.proto.v1.IssueReason;
import kz.shlyuz.proto.v1.ListCasesRequest;
import kz.shlyuz.proto.v1.StatusMessage;
import kz.shlyuz.proto.v1.SubmitAck;
import kz.shlyuz.proto.v1.Urgency;
import kz.shlyuz.proto.v1.WatchStatusRequest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Three gateway nodes as real OS processes ({@code ./shlyuz serve --db … --node-id …}) on one
 * PostgreSQL schema, the agency adapters in this JVM. Cases go in through all three; one node is
 * killed with SIGKILL in the middle. Every acknowledged case still finishes with each agency
 * effect applied once, the status streams open on the two survivors saw every status of every
 * case wherever it ran, and the killed node, started again under its id, serves calls.
 * Needs {@code SHLYUZ_TEST_PG_URL} (skipped without it, failed without it under {@code CI=true}).
 */
class ClusterProcessTest {
    private static final Duration GENEROUS = Duration.ofSeconds(75);
    /** The agencies whose effects each service's case applies once. */
    private static final Map<String, List<String>> EFFECTS = Map.of(
            "EXIT_PERMANENT_RESIDENCE", List.of("migration", "military", "mvd-docs"),
            "ID_DOCUMENT", List.of("aeo"));

    private final RequestBuilder requests = new RequestBuilder(new CmsSigner(Clock.systemUTC()));
    private final DevPki pki = TestPki.shared();

    @Test
    void everyAcknowledgedCaseFinishesOnceWhenANodeIsKilledAndTheNodeRejoins() throws Exception {
        String db = freshSchema();
        Path data = Files.createTempDirectory("shlyuz-cluster-test-");
        // The nodes share one PKI folder, as on a machine where the first node made it.
        Files.createSymbolicLink(data.resolve("pki"), pki.dir().toAbsolutePath());
        Map<String, AdapterServer> adapters = new LinkedHashMap<>();
        List<NodeProcess> nodes = new ArrayList<>();
        List<AutoCloseable> open = new ArrayList<>();
        try {
            Map<String, String> env = new HashMap<>();
            for (String agency : ConfigLoader.defaults().adapters().keySet()) {
                AdapterServer a = AdapterServer.start(new AdapterConfig(
                        agency,
                        pki,
                        new InetSocketAddress("127.0.0.1", 0),
                        Clock.systemUTC(),
                        Duration.ofSeconds(1),
                        Set.of(DevMaterial.GATEWAY_SYSTEM)));
                adapters.put(agency, a);
                env.put(ConfigSources.envName("adapters." + agency + ".address"), "127.0.0.1:" + a.port());
            }
            // A short lease: the survivors take a killed node's leased rows over after 3 s, not 30.
            env.put("SHLYUZ_NODE_LEASE", "PT3S");
            // The database through the environment, the node id by flag: both ways a node is told.
            env.put(DatabaseTarget.ENV, db);
            for (int i = 1; i <= 3; i++) {
                nodes.add(node("n" + i, data, env));
            }
            for (NodeProcess n : nodes) {
                n.awaitReady(Duration.ofMinutes(2));
            }
            List<GatewayClient> clients = new ArrayList<>();
            for (NodeProcess n : nodes) {
                GatewayClient c = client(n.gatewayPort());
                clients.add(c);
                open.add(c);
            }
            // Status streams on the two nodes that survive, from the first message on.
            Watch onSecond = Watch.open("n2", clients.get(1));
            Watch onThird = Watch.open("n3", clients.get(2));
            open.add(onSecond);
            open.add(onThird);

            Map<String, String> acknowledged = new LinkedHashMap<>(); // case id -> service
            for (int i = 0; i < 6; i++) {
                submit(clients.get(i % 3), i, acknowledged);
            }
            Await.until(
                    () -> !adapters.get("migration").effects().isEmpty(),
                    GENEROUS,
                    () -> "a first decision before the kill");
            NodeProcess killed = nodes.get(0);
            killed.kill();
            assertEquals(137, killed.process().exitValue(), "killed by SIGKILL");
            clients.get(0).close();
            int finishedAtKill = finished(adapters);
            assertTrue(finishedAtKill < 6, "killed mid-run: " + finishedAtKill + " of 6 cases finished");
            // Cases keep coming in through the survivors while the dead node's leases run out.
            for (int i = 6; i < 10; i++) {
                submit(clients.get(1 + i % 2), i, acknowledged);
            }

            NodeProcess again = node("n1", data, env);
            nodes.set(0, again);
            again.awaitReady(Duration.ofMinutes(2));
            GatewayClient rejoined = client(again.gatewayPort());
            open.add(rejoined);
            for (int i = 10; i < 12; i++) {
                submit(rejoined, i, acknowledged);
            }

            CabinetGrpc.CabinetBlockingStub cabinet = CabinetGrpc.newBlockingStub(rejoined.channel());
            AtomicReference<Map<String, Case>> seen = new AtomicReference<>(Map.of());
            Await.until(
                    () -> {
                        Map<String, Case> now = cabinet
                                .withDeadlineAfter(15, TimeUnit.SECONDS)
                                .listCases(ListCasesRequest.newBuilder()
                                        .setPageSize(500)
                                        .build())
                                .getCasesList()
                                .stream()
                                .collect(Collectors.toMap(Case::getCaseId, c -> c));
                        seen.set(now);
                        return now.keySet().containsAll(acknowledged.keySet())
                                && acknowledged.keySet().stream()
                                        .allMatch(id ->
                                                "APPROVED".equals(now.get(id).getState()));
                    },
                    GENEROUS,
                    Duration.ofMillis(200),
                    () -> "every acknowledged case APPROVED; " + states(seen.get()));
            Map<String, Case> cases = seen.get();
            assertEquals(acknowledged.keySet(), cases.keySet(), "no case but the acknowledged ones");

            for (Map.Entry<String, String> c : acknowledged.entrySet()) {
                for (String agency : EFFECTS.get(c.getValue())) {
                    long n = adapters.get(agency).effects().stream()
                            .filter(e -> e.caseId().equals(c.getKey()))
                            .count();
                    assertEquals(1, n, agency + " effect of " + c.getValue() + " case " + c.getKey());
                }
            }
            for (Map.Entry<String, AdapterServer> a : adapters.entrySet()) {
                for (EffectLedger.Effect e : a.getValue().effects()) {
                    assertTrue(acknowledged.containsKey(e.caseId()), a.getKey() + " effect of an unknown case " + e);
                }
            }

            for (Watch watch : List.of(onSecond, onThird)) {
                Await.until(
                        () -> cases.values().stream()
                                .flatMap(c -> c.getHistoryList().stream())
                                .allMatch(m -> watch.seen.containsKey(m.getCursor())),
                        GENEROUS,
                        () -> watch.name + " stream missed "
                                + cases.values().stream()
                                        .flatMap(c -> c.getHistoryList().stream())
                                        .filter(m -> !watch.seen.containsKey(m.getCursor()))
                                        .map(m -> m.getCaseId() + ":" + m.getStatus())
                                        .toList()
                                + (watch.error.get() == null ? "" : "; stream failed: " + watch.error.get()));
                for (Case c : cases.values()) {
                    List<String> statuses = c.getHistoryList().stream()
                            .map(StatusMessage::getStatus)
                            .toList();
                    assertEquals("ACCEPTED", statuses.get(0), c.getCaseId());
                    assertEquals("APPROVED", statuses.get(statuses.size() - 1), c.getCaseId());
                }
            }
            System.out.printf(
                    "cluster test: %d cases over 3 nodes, SIGKILL with %d finished; all finished once, "
                            + "both surviving streams saw every status%n",
                    acknowledged.size(), finishedAtKill);
        } finally {
            for (AutoCloseable c : open) {
                c.close();
            }
            for (NodeProcess n : nodes) {
                n.kill();
            }
            adapters.values().forEach(AdapterServer::close);
        }
    }

    private NodeProcess node(String id, Path data, Map<String, String> env) throws IOException {
        return NodeProcess.start(
                id,
                List.of(
                        "--node-id",
                        id,
                        "--no-adapters",
                        "--data",
                        data.toString(),
                        "--port",
                        "0",
                        "--admin-port",
                        "0",
                        "--console-port",
                        "0",
                        "--ocsp-port",
                        "0",
                        "--tsa-port",
                        "0"),
                env,
                data.resolve(id + "-" + UUID.randomUUID().toString().substring(0, 4) + ".log"));
    }

    /** An exit permit (three agency effects) or an ID card (one), alternately. */
    private void submit(GatewayClient client, int i, Map<String, String> acknowledged) {
        Persona[] clean = {Persona.CLEAN, Persona.EMPLOYER, Persona.DWELLING_OWNER};
        Persona p = clean[i % clean.length];
        String service = i % 2 == 0 ? "EXIT_PERMANENT_RESIDENCE" : "ID_DOCUMENT";
        com.google.protobuf.Message body = i % 2 == 0
                // Someone on the military register, so that the case has its three effects (000 action 12).
                ? kz.shlyuz.adapters.samples.ExitQuestionnaire.of(
                                (p == Persona.DWELLING_OWNER ? Persona.EMPLOYER : p)
                                        .iin()
                                        .value(),
                                java.time.LocalDate.now(kz.shlyuz.gateway.calendar.KazakhstanCalendar.ZONE))
                        .build()
                : IdDocumentRequest.newBuilder()
                        .setIin(p.iin().value())
                        .setKind(DocumentKind.DOCUMENT_KIND_ID_CARD)
                        .setUrgency(Urgency.URGENCY_GENERAL)
                        .setReason(IssueReason.ISSUE_REASON_EXPIRED)
                        .setPhotoRef("photo-" + i)
                        .build();
        SubmitAck ack = client.submit(requests.sign(
                RequestBuilder.content("hkko", service, body, Instant.now()), List.of(pki.signerKey("hkko-operator"))));
        acknowledged.put(ack.getCaseId(), service);
    }

    private static int finished(Map<String, AdapterServer> adapters) {
        return adapters.get("mvd-docs").effects().size()
                + adapters.get("aeo").effects().size();
    }

    private static String states(Map<String, Case> cases) {
        return cases.values().stream()
                .map(c -> c.getCaseId() + "=" + c.getState())
                .collect(Collectors.joining(", "));
    }

    private GatewayClient client(int port) {
        return new GatewayClient(
                "127.0.0.1",
                port,
                new TlsFiles(pki.tlsCertChainPem("hkko"), pki.tlsKeyPem("hkko"), pki.tlsTrustPem()),
                DevMaterial.GATEWAY_SYSTEM,
                Duration.ofSeconds(15));
    }

    /** A fresh schema on the test server; its URL carries the user and password as parameters. */
    private static String freshSchema() throws Exception {
        String url = System.getenv("SHLYUZ_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(
                        "CI=true but SHLYUZ_TEST_PG_URL is not set: the multi-node test must run in CI");
            }
            Assumptions.abort("SHLYUZ_TEST_PG_URL is not set: the multi-node process test is skipped here");
        }
        String user = System.getenv().getOrDefault("SHLYUZ_TEST_PG_USER", "shlyuz");
        String password = System.getenv().getOrDefault("SHLYUZ_TEST_PG_PASSWORD", "shlyuz");
        String schema = "c_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema + "&user=" + user + "&password="
                + password;
    }

    /** One node's status stream for hkko, from the first message, keyed by cursor. */
    private static final class Watch implements StreamObserver<StatusMessage>, AutoCloseable {
        final Map<String, StatusMessage> seen = new ConcurrentHashMap<>();
        final AtomicReference<Throwable> error = new AtomicReference<>();
        final String name;
        private final Context.CancellableContext context = Context.current().withCancellation();

        private Watch(String name) {
            this.name = name;
        }

        static Watch open(String name, GatewayClient client) {
            Watch w = new Watch(name);
            w.context.run(() -> CabinetGrpc.newStub(client.channel())
                    .watchStatus(
                            WatchStatusRequest.newBuilder().setAfterCursor("0").build(), w));
            return w;
        }

        @Override
        public void onNext(StatusMessage value) {
            seen.put(value.getCursor(), value);
        }

        @Override
        public void onError(Throwable t) {
            error.set(t);
        }

        @Override
        public void onCompleted() {}

        @Override
        public void close() {
            context.cancel(null);
        }
    }
}
