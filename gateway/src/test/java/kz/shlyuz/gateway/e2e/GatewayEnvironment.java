package kz.shlyuz.gateway.e2e;

import java.io.IOException;
import java.time.Clock;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import kz.shlyuz.certs.cms.CmsSigner;
import kz.shlyuz.certs.pki.DevPki;
import kz.shlyuz.client.GatewayClient;
import kz.shlyuz.client.RequestBuilder;
import kz.shlyuz.gateway.TestAdapters;
import kz.shlyuz.gateway.TestGateway;
import kz.shlyuz.gateway.config.ConfigLoader;
import kz.shlyuz.gateway.config.GatewayConfig;
import kz.shlyuz.gateway.server.GatewayServer;

/**
 * A real gateway on a loopback TLS port with real agency adapters behind it (a {@link TestGateway}):
 * every configured adapter, those not named running left down on a closed port, which does not
 * make this node unready. Everything it starts is closed by {@link #close()}.
 */
final class GatewayEnvironment implements AutoCloseable {
    final TestGateway test;
    final DevPki pki;
    final Clock clock;
    final RequestBuilder requests;
    final GatewayServer gateway;
    final GatewayConfig config;

    /**
     * @param running adapters to start; every other configured adapter points at a closed port
     * @param tweak changes to the configuration before the gateway starts
     */
    GatewayEnvironment(Set<String> running, UnaryOperator<GatewayConfig> tweak) throws IOException {
        this(running, tweak, Clock.systemUTC());
    }

    /** @param clock the clock of the gateway, the adapters and the request signer (tests may advance it) */
    GatewayEnvironment(Set<String> running, UnaryOperator<GatewayConfig> tweak, Clock clock) throws IOException {
        this(running, tweak, clock, b -> b);
    }

    /** @param more further settings of the test gateway (an adapter clock of its own, say) */
    GatewayEnvironment(
            Set<String> running,
            UnaryOperator<GatewayConfig> tweak,
            Clock clock,
            UnaryOperator<TestGateway.Builder> more)
            throws IOException {
        this.clock = clock;
        this.requests = new RequestBuilder(new CmsSigner(clock));
        Set<String> configured = ConfigLoader.defaults().adapters().keySet();
        this.test = more.apply(TestGateway.builder()
                        .down(configured.stream()
                                .filter(a -> !running.contains(a))
                                .collect(Collectors.toSet()))
                        .clock(clock)
                        .config(tweak)
                        // Adapters left down on purpose (closed ports) must not make this node unready.
                        .adaptersDecideReadiness(false))
                .start();
        this.pki = test.pki;
        this.gateway = test.gateway;
        this.config = test.config;
    }

    GatewayEnvironment() throws IOException {
        this(Set.of("gbd-fl", "gbd-ul"), c -> c);
    }

    /** A client connected over mutual TLS with the given system's certificate (a new connection). */
    GatewayClient client(String system) {
        return test.client(system);
    }

    /** A port nothing listens on: an adapter that is down. */
    static int closedPort() {
        return TestAdapters.freePort();
    }

    @Override
    public void close() {
        test.close();
    }
}
