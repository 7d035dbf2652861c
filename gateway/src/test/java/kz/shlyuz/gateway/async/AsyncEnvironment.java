package kz.shlyuz.gateway.async;

import static org.junit.jupiter.api.Assertions.fail;

import com.google.protobuf.Message;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import kz.shlyuz.adapters.AdapterConfig;
import kz.shlyuz.adapters.AdapterServer;
import kz.shlyuz.adapters.effect.EffectLedger;
import kz.shlyuz.certs.cms.CmsSigner;
import kz.shlyuz.certs.pki.DevPki;
import kz.shlyuz.gateway.TestPki;
import kz.shlyuz.client.GatewayClient;
import kz.shlyuz.client.RequestBuilder;
import kz.shlyuz.gateway.clock.AdjustableClock;
import kz.shlyuz.gateway.config.AdapterEndpoint;
import kz.shlyuz.gateway.config.ConfigLoader;
import kz.shlyuz.gateway.config.GatewayConfig;
import kz.shlyuz.certs.tls.TlsFiles;
import kz.shlyuz.gateway.server.DevMaterial;
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

    public final DevPki pki = TestPki.get();
    public final AdjustableClock clock = new AdjustableClock(START);
    public final RequestBuilder requests = new RequestBuilder(new CmsSigner(Clock.systemUTC()));
    public final GatewayServer gateway;
    public final GatewayConfig config;
    private final Map<String, AdapterServer> adapters = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new HashMap<>();
    private final Map<String, GatewayClient> clients = new HashMap<>();
    private final List<GatewayServer> nodes = new ArrayList<>();

    public AsyncEnvironment(Set<String> down) throws IOException {
        this(down, null);
    }

    /** @param journal the journal database; null for a fresh H2 file in a temporary folder */
    public AsyncEnvironment(Set<String> down, GatewayConfig.JournalSettings journal) throws IOException {
        Path dir = Files.createTempDirectory("shlyuz-async-");
        GatewayConfig defaults = ConfigLoader.defaults(dir).withPort(0)
                .withOps(ConfigLoader.defaults().ops().withAdminPort(0));
        Map<String, AdapterEndpoint> endpoints = new HashMap<>();
        for (Map.Entry<String, AdapterEndpoint> e : defaults.adapters().entrySet()) {
            int port;
            if (down.contains(e.getKey())) {
                port = freePort();
            } else {
                AdapterServer adapter = AdapterServer.start(adapterConfig(e.getKey(), 0));
                adapters.put(e.getKey(), adapter);
                port = adapter.port();
            }
            ports.put(e.getKey(), port);
            endpoints.put(e.getKey(), new AdapterEndpoint("127.0.0.1", port, e.getValue().signerBins()));
        }
        GatewayConfig cfg = defaults.withAdapters(endpoints);
        if (journal != null) {
            cfg = cfg.withJournal(journal);
        }
        config = cfg;
        gateway = GatewayServer.start(config, DevMaterial.from(pki, Clock.systemUTC()),
                new GatewayServer.Processes(clock, Duration.ofMillis(20), Duration.ofSeconds(10), "test-node", 4));
    }

    /** Another gateway node on the same database and adapters, with its own outbox worker. */
    public GatewayServer startNode(String nodeId) throws IOException {
        GatewayServer node = GatewayServer.start(config, DevMaterial.from(pki, Clock.systemUTC()),
                new GatewayServer.Processes(clock, Duration.ofMillis(20), Duration.ofSeconds(10), nodeId, 4));
        nodes.add(node);
        return node;
    }

    private AdapterConfig adapterConfig(String agency, int port) {
        return new AdapterConfig(agency, pki, new InetSocketAddress("127.0.0.1", port), Clock.systemUTC(),
                Duration.ofSeconds(2), Set.of(DevMaterial.GATEWAY_SYSTEM));
    }

    /** Starts an adapter that was down, on the port the gateway is configured with. */
    public void startAdapter(String agency) throws IOException {
        adapters.put(agency, AdapterServer.start(adapterConfig(agency, ports.get(agency))));
    }

    /** The effects an agency applied so far. */
    public List<EffectLedger.Effect> effects(String agency) {
        AdapterServer adapter = adapters.get(agency);
        return adapter == null ? List.of() : adapter.effects();
    }

    public GatewayClient client(String system) {
        return clients.computeIfAbsent(system, s -> new GatewayClient("127.0.0.1", gateway.port(),
                new TlsFiles(pki.tlsCertChainPem(s), pki.tlsKeyPem(s), pki.tlsTrustPem()),
                DevMaterial.GATEWAY_SYSTEM, Duration.ofSeconds(10)));
    }

    public SignedRequest request(String sender, String service, Message body, String correlationId,
            String... signers) {
        RequestContent content = RequestBuilder.content(sender, service, body, Instant.now());
        if (correlationId != null) {
            content = content.toBuilder().setCorrelationId(correlationId).build();
        }
        return requests.sign(content, List.of(signers).stream().map(pki::signerKey).toList());
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
            var page = cabinet(system).listCases(ListCasesRequest.newBuilder().setCitizenIin(iin).setPageSize(500)
                    .setPageToken(token).build());
            for (Case c : page.getCasesList()) {
                if (c.getCaseId().equals(caseId)) {
                    return c;
                }
            }
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        throw new AssertionError("case " + caseId + " not visible to " + system);
    }

    /** Waits (real time, at most 10 s) until the case satisfies {@code done}; returns it. */
    public Case await(String sender, String caseId, Predicate<Case> done) {
        return await(sender, caseId, done, Duration.ZERO);
    }

    /** As {@link #await(String, String, Predicate)}, letting process time pass by {@code tick} per look. */
    public Case await(String sender, String caseId, Predicate<Case> done, Duration tick) {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Case last = null;
        while (System.nanoTime() < until) {
            last = caseOf(sender, caseId);
            if (done.test(last)) {
                return last;
            }
            clock.advance(tick);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        fail("case " + caseId + " did not get there; last seen: " + last);
        return last;
    }

    public Case awaitState(String sender, String caseId, String state) {
        return await(sender, caseId, c -> c.getState().equals(state));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        clients.values().forEach(GatewayClient::close);
        nodes.forEach(GatewayServer::close);
        gateway.close();
        new ArrayList<>(adapters.values()).forEach(AdapterServer::close);
    }
}
