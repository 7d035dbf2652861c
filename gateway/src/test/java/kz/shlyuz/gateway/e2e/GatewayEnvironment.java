package kz.shlyuz.gateway.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import kz.shlyuz.adapters.AdapterConfig;
import kz.shlyuz.adapters.AdapterServer;
import kz.shlyuz.certs.cms.CmsSigner;
import kz.shlyuz.certs.pki.DevPki;
import kz.shlyuz.gateway.TestPki;
import kz.shlyuz.client.GatewayClient;
import kz.shlyuz.client.RequestBuilder;
import kz.shlyuz.gateway.config.AdapterEndpoint;
import kz.shlyuz.gateway.config.ConfigLoader;
import kz.shlyuz.gateway.config.GatewayConfig;
import kz.shlyuz.certs.tls.TlsFiles;
import kz.shlyuz.gateway.server.DevMaterial;
import kz.shlyuz.gateway.server.GatewayServer;

/**
 * A real gateway on a loopback TLS port with real agency adapters behind it, built from the
 * shipped default configuration with ephemeral ports and a journal in a temporary folder.
 * Everything it starts is closed by {@link #close()}.
 */
final class GatewayEnvironment implements AutoCloseable {
    final DevPki pki = TestPki.get();
    final Clock clock;
    final RequestBuilder requests;
    final GatewayServer gateway;
    final GatewayConfig config;
    private final List<AdapterServer> adapters = new ArrayList<>();
    private final List<GatewayClient> clients = new ArrayList<>();

    /**
     * @param running adapters to start; every other configured adapter points at a closed port
     * @param tweak changes to the configuration before the gateway starts
     */
    GatewayEnvironment(Set<String> running, UnaryOperator<GatewayConfig> tweak) throws IOException {
        this(running, tweak, Clock.systemUTC());
    }

    /** @param clock the clock of the gateway, the adapters and the request signer (tests may advance it) */
    GatewayEnvironment(Set<String> running, UnaryOperator<GatewayConfig> tweak, Clock clock) throws IOException {
        this.clock = clock;
        this.requests = new RequestBuilder(new CmsSigner(clock));
        Path dir = Files.createTempDirectory("shlyuz-gateway-");
        // Adapters left down on purpose (closed ports) must not make this node unready.
        var ops = ConfigLoader.defaults().ops().withAdminPort(0);
        GatewayConfig defaults = ConfigLoader.defaults(dir).withPort(0).withOps(ops.withHealth(
                new kz.shlyuz.gateway.config.OpsSettings.Health(ops.health().healthyFor(), ops.health().failedFor(),
                        false)));
        Map<String, AdapterEndpoint> endpoints = new HashMap<>();
        for (Map.Entry<String, AdapterEndpoint> e : defaults.adapters().entrySet()) {
            int port;
            if (running.contains(e.getKey())) {
                AdapterServer adapter = AdapterServer.start(new AdapterConfig(e.getKey(), pki,
                        new InetSocketAddress("127.0.0.1", 0), clock, Duration.ofSeconds(2),
                        Set.of(DevMaterial.GATEWAY_SYSTEM)));
                adapters.add(adapter);
                port = adapter.port();
            } else {
                port = closedPort();
            }
            endpoints.put(e.getKey(), new AdapterEndpoint("127.0.0.1", port, e.getValue().signerBins()));
        }
        config = tweak.apply(defaults.withAdapters(endpoints));
        gateway = GatewayServer.start(config, DevMaterial.from(pki, clock));
    }

    GatewayEnvironment() throws IOException {
        this(Set.of("gbd-fl", "gbd-ul"), c -> c);
    }

    /** A client connected over mutual TLS with the given system's certificate. */
    GatewayClient client(String system) {
        GatewayClient client = new GatewayClient("127.0.0.1", gateway.port(),
                new TlsFiles(pki.tlsCertChainPem(system), pki.tlsKeyPem(system), pki.tlsTrustPem()),
                DevMaterial.GATEWAY_SYSTEM, Duration.ofSeconds(10));
        clients.add(client);
        return client;
    }

    /** A port nothing listens on: an adapter that is down. */
    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        clients.forEach(GatewayClient::close);
        gateway.close();
        adapters.forEach(AdapterServer::close);
    }
}
