package kz.shlyuz.gateway.async;

import com.google.protobuf.Message;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import kz.shlyuz.adapters.effect.EffectLedger;
import kz.shlyuz.certs.cms.CmsSigner;
import kz.shlyuz.certs.pki.DevPki;
import kz.shlyuz.certs.testing.Await;
import kz.shlyuz.client.GatewayClient;
import kz.shlyuz.client.RequestBuilder;
import kz.shlyuz.gateway.TestAdapters;
import kz.shlyuz.gateway.TestGateway;
import kz.shlyuz.gateway.clock.AdjustableClock;
import kz.shlyuz.gateway.config.GatewayConfig;
import kz.shlyuz.gateway.server.GatewayServer;
import kz.shlyuz.proto.v1.CabinetGrpc;
import kz.shlyuz.proto.v1.Case;
import kz.shlyuz.proto.v1.ListCasesRequest;
import kz.shlyuz.proto.v1.RequestContent;
import kz.shlyuz.proto.v1.SignedRequest;
import kz.shlyuz.proto.v1.SubmitAck;

/**
 * A gateway over real TLS with every agency adapter behind it, running processes on an
 * adjustable clock, so tests drive months of regulation time in milliseconds. Adapters named
 * {@code down} are not started; their port stays reserved so {@link #startAdapter} can bring
 * one up later where the gateway expects it.
 */
public final class AsyncEnvironment implements AutoCloseable {
    /** Friday 20 November 2026, 09:00 in Astana: a working morning before a weekend. */
    public static final Instant START = Instant.parse("2026-11-20T04:00:00Z");

    public final AdjustableClock clock = new AdjustableClock(START);
    public final RequestBuilder requests = new RequestBuilder(new CmsSigner(Clock.systemUTC()));
    public final TestGateway test;
    public final DevPki pki;
    public final GatewayServer gateway;
    public final GatewayConfig config;
    private final Map<String, GatewayClient> clients = new HashMap<>();

    public AsyncEnvironment(Set<String> down) throws IOException {
        this(down, null);
    }

    /** @param journal the journal database; null for a fresh H2 file in a temporary folder */
    public AsyncEnvironment(Set<String> down, GatewayConfig.JournalSettings journal) throws IOException {
        this(down, journal, p -> p);
    }

    /** @param configTweak changes to the shipped configuration (issue 11.8: the stage reports' delays) */
    public AsyncEnvironment(java.util.function.UnaryOperator<GatewayConfig> configTweak, Set<String> down)
            throws IOException {
        test = TestGateway.builder()
                .down(down)
                .processes(processes("test-node"))
                .config(configTweak)
                .folderPrefix("shlyuz-async-")
                .start();
        pki = test.pki;
        gateway = test.gateway;
        config = test.config;
    }

    /** @param tweak changes to how the first node runs processes (its lease, heartbeat, stream safety poll) */
    public AsyncEnvironment(
            Set<String> down,
            GatewayConfig.JournalSettings journal,
            java.util.function.UnaryOperator<GatewayServer.Processes> tweak)
            throws IOException {
        test = TestGateway.builder()
                .down(down)
                .processes(tweak.apply(processes("test-node")))
                .config(c -> journal == null ? c : c.withJournal(journal))
                .folderPrefix("shlyuz-async-")
                .start();
        pki = test.pki;
        gateway = test.gateway;
        config = test.config;
    }

    private GatewayServer.Processes processes(String nodeId) {
        return new GatewayServer.Processes(clock, Duration.ofMillis(20), Duration.ofSeconds(10), nodeId, 4);
    }

    /** Another gateway node on the same database and adapters, with its own outbox worker. */
    public GatewayServer startNode(String nodeId) throws IOException {
        return test.startNode(processes(nodeId));
    }

    /** As {@link #startNode(String)}, with changes to how it runs processes. */
    public GatewayServer startNode(String nodeId, java.util.function.UnaryOperator<GatewayServer.Processes> tweak)
            throws IOException {
        return test.startNode(tweak.apply(processes(nodeId)));
    }

    /** A client of another node (one connection of its own), closed by the caller. */
    public GatewayClient clientOf(GatewayServer node, String system) {
        return new GatewayClient(
                "127.0.0.1",
                node.port(),
                new kz.shlyuz.certs.tls.TlsFiles(pki.tlsCertChainPem(system), pki.tlsKeyPem(system), pki.tlsTrustPem()),
                kz.shlyuz.gateway.server.DevMaterial.GATEWAY_SYSTEM,
                Duration.ofSeconds(10));
    }

    /** Starts an adapter that was down, on the port the gateway is configured with. */
    public void startAdapter(String agency) throws IOException {
        test.adapters.start(agency);
    }

    /** The effects an agency applied so far. */
    public List<EffectLedger.Effect> effects(String agency) {
        return test.adapters.effects(agency);
    }

    /** One client per system (one connection each), closed with the environment. */
    public GatewayClient client(String system) {
        synchronized (clients) {
            return clients.computeIfAbsent(system, test::client);
        }
    }

    public SignedRequest request(String sender, String service, Message body, String correlationId, String... signers) {
        RequestContent content = RequestBuilder.content(sender, service, body, Instant.now());
        if (correlationId != null) {
            content = content.toBuilder().setCorrelationId(correlationId).build();
        }
        return requests.sign(
                content, List.of(signers).stream().map(pki::signerKey).toList());
    }

    public SubmitAck submit(String sender, String service, Message body, String... signers) {
        return client(sender).submit(request(sender, service, body, null, signers));
    }

    public CabinetGrpc.CabinetBlockingStub cabinet(String system) {
        return CabinetGrpc.newBlockingStub(client(system).channel())
                .withDeadlineAfter(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    /**
     * The case as a front office sees it, or as the portal sees it in a citizen's cabinet when
     * {@code reader} is {@code egov-portal-as:<IIN>}.
     */
    public Case caseOf(String reader, String caseId) {
        if (reader.startsWith("egov-portal-as:")) {
            return find("egov-portal", reader.substring("egov-portal-as:".length()), caseId);
        }
        return find(reader, "", caseId);
    }

    private Case find(String system, String iin, String caseId) {
        String token = "";
        do {
            var page = cabinet(system)
                    .listCases(ListCasesRequest.newBuilder()
                            .setCitizenIin(iin)
                            .setPageSize(500)
                            .setPageToken(token)
                            .build());
            for (Case c : page.getCasesList()) {
                if (c.getCaseId().equals(caseId)) {
                    return c;
                }
            }
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        throw new AssertionError("case " + caseId + " not visible to " + system);
    }

    /** Waits (real time, at most 30 s: a loaded machine) until the case satisfies {@code done}; returns it. */
    public Case await(String sender, String caseId, Predicate<Case> done) {
        return await(sender, caseId, done, Duration.ZERO);
    }

    /** As {@link #await(String, String, Predicate)}, letting process time pass by {@code tick} per look. */
    public Case await(String sender, String caseId, Predicate<Case> done, Duration tick) {
        AtomicReference<Case> last = new AtomicReference<>();
        // A steady pace: each look moves process time on by a tick.
        Await.until(
                () -> {
                    last.set(caseOf(sender, caseId));
                    if (done.test(last.get())) {
                        return true;
                    }
                    clock.advance(tick);
                    return false;
                },
                Duration.ofSeconds(30),
                Duration.ofMillis(20),
                () -> "case " + caseId + " did not get there; its outbox rows: " + outboxOf(caseId) + "; last seen: "
                        + last.get());
        return last.get();
    }

    /**
     * The case's outbox rows as the database holds them (kind, step, state, attempts, due, lease,
     * last error): what a case that did not finish in time was waiting for.
     */
    public String outboxOf(String caseId) {
        StringBuilder rows = new StringBuilder();
        try (Connection c = DriverManager.getConnection(
                        config.journal().jdbcUrl(),
                        config.journal().user(),
                        config.journal().password());
                PreparedStatement s =
                        c.prepareStatement("SELECT kind, step_name, state, attempts, due_at, lease_owner, "
                                + "lease_until, last_error FROM outbox WHERE case_id = ? ORDER BY id")) {
            s.setString(1, caseId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.append(String.format(
                            "%n  %s %s %s attempts=%d due=%s lease=%s until %s error=%s",
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getInt(4),
                            rs.getTimestamp(5).toInstant(),
                            rs.getString(6),
                            rs.getTimestamp(7) == null
                                    ? "-"
                                    : rs.getTimestamp(7).toInstant(),
                            rs.getString(8)));
                }
            }
        } catch (SQLException e) {
            return "(unreadable: " + e + ")";
        }
        return rows.append(" (wall clock now ")
                .append(Instant.now())
                .append(')')
                .toString();
    }

    /** Status streams the gateway has subscribed so far: a watch counts once it receives every new message. */
    public double statusWatches() {
        return gateway.operations()
                .metrics()
                .registry()
                .get("shlyuz.status.watches")
                .counter()
                .count();
    }

    /** The gateway's calls to {@code agency} so far, whatever their outcome (a retry of the outbox is one). */
    public long callsTo(String agency) {
        return gateway
                .operations()
                .metrics()
                .registry()
                .find("shlyuz.grpc.client.duration")
                .tag("agency", agency)
                .timers()
                .stream()
                .mapToLong(io.micrometer.core.instrument.Timer::count)
                .sum();
    }

    public Case awaitState(String sender, String caseId, String state) {
        return await(sender, caseId, c -> c.getState().equals(state));
    }

    static int freePort() {
        return TestAdapters.freePort();
    }

    @Override
    public void close() {
        test.close();
    }
}
