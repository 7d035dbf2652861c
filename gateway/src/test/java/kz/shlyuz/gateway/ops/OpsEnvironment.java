package kz.shlyuz.gateway.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import kz.shlyuz.adapters.AdapterConfig;
import kz.shlyuz.adapters.AdapterServer;
import kz.shlyuz.certs.cms.CmsSigner;
import kz.shlyuz.certs.identity.Persona;
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
import kz.shlyuz.proto.v1.AddressCertificateRequest;
import kz.shlyuz.proto.v1.RequestContent;
import kz.shlyuz.proto.v1.SignedRequest;

/**
 * A real gateway over mutual TLS with the two address registers (gbd-fl, gbd-ul) as its only
 * adapters, its admin listener on a free port, on a clock the test may advance. Adapters can be
 * stopped and started again on the same port.
 */
final class OpsEnvironment implements AutoCloseable {
    final DevPki pki = TestPki.get();
    final Clock clock;
    final RequestBuilder requests;
    final GatewayServer gateway;
    final GatewayConfig config;
    final AdminHttp admin;
    private final Map<String, AdapterServer> adapters = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final List<GatewayClient> clients = new ArrayList<>();

    OpsEnvironment(Clock clock, UnaryOperator<GatewayConfig> tweak) throws IOException {
        this.clock = clock;
        this.requests = new RequestBuilder(new CmsSigner(clock));
        Path dir = Files.createTempDirectory("shlyuz-ops-");
        GatewayConfig defaults = ConfigLoader.defaults(dir).withPort(0)
                .withOps(ConfigLoader.defaults().ops().withAdminPort(0));
        Map<String, AdapterEndpoint> endpoints = new LinkedHashMap<>();
        for (String name : List.of("gbd-fl", "gbd-ul")) {
            AdapterServer adapter = AdapterServer.start(adapterConfig(name, 0));
            adapters.put(name, adapter);
            ports.put(name, adapter.port());
            endpoints.put(name, new AdapterEndpoint("127.0.0.1", adapter.port(),
                    defaults.adapter(name).orElseThrow().signerBins()));
        }
        config = tweak.apply(defaults.withAdapters(endpoints));
        gateway = GatewayServer.start(config, DevMaterial.from(pki, clock));
        admin = new AdminHttp(gateway.operations().adminPort());
    }

    private AdapterConfig adapterConfig(String name, int port) {
        return new AdapterConfig(name, pki, new InetSocketAddress("127.0.0.1", port), clock, Duration.ofSeconds(2),
                Set.of(DevMaterial.GATEWAY_SYSTEM));
    }

    void stopAdapter(String name) {
        adapters.remove(name).close();
    }

    void startAdapter(String name) throws IOException {
        adapters.put(name, AdapterServer.start(adapterConfig(name, ports.get(name))));
    }

    GatewayClient client(String system) {
        GatewayClient client = new GatewayClient("127.0.0.1", gateway.port(),
                new TlsFiles(pki.tlsCertChainPem(system), pki.tlsKeyPem(system), pki.tlsTrustPem()),
                DevMaterial.GATEWAY_SYSTEM, Duration.ofSeconds(10));
        clients.add(client);
        return client;
    }

    /** An address-certificate request of the portal for {@code persona}, signed by {@code signer}. */
    SignedRequest addressRequest(Persona persona, String signer) {
        RequestContent content = RequestBuilder.content("egov-portal", "ADDRESS_CERTIFICATE",
                AddressCertificateRequest.newBuilder().setIin(persona.iin().value()).build(), clock.instant());
        return requests.sign(content, List.of(pki.signerKey(signer)));
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
        clients.forEach(GatewayClient::close);
        gateway.close();
        adapters.values().forEach(AdapterServer::close);
    }
}
