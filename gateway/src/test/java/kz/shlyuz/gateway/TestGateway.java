package kz.shlyuz.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import kz.shlyuz.certs.pki.DevPki;
import kz.shlyuz.certs.tls.TlsFiles;
import kz.shlyuz.client.GatewayClient;
import kz.shlyuz.gateway.config.ConfigLoader;
import kz.shlyuz.gateway.config.GatewayConfig;
import kz.shlyuz.gateway.config.OpsSettings;
import kz.shlyuz.gateway.server.DevMaterial;
import kz.shlyuz.gateway.server.GatewayServer;

/**
 * The one way the gateway's tests start a gateway: real mutual TLS on an ephemeral port, real
 * agency adapters behind it, the shipped default configuration with ephemeral ports (the admin
 * listener too) and the journal in a temporary folder, the shared {@link TestPki}. The
 * environments of the test packages ({@code e2e.GatewayEnvironment}, {@code ops.OpsEnvironment},
 * {@code async.AsyncEnvironment}) are this with their own defaults. Everything it starts is
 * closed by {@link #close()}; its folder is removed when the test JVM ends.
 */
public final class TestGateway implements AutoCloseable {
    private static final Queue<Path> FOLDERS = new ConcurrentLinkedQueue<>();

    static {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> FOLDERS.forEach(TestGateway::delete), "delete-test-gateway-folders"));
    }

    public final DevPki pki = TestPki.get();
    /** The data folder: journal, evidence, archives. */
    public final Path dir;

    public final GatewayConfig config;
    public final GatewayServer gateway;
    public final TestAdapters adapters;
    private final Builder settings;
    private final List<GatewayClient> clients = new ArrayList<>();
    private final List<GatewayServer> nodes = new ArrayList<>();

    private TestGateway(Builder b) throws IOException {
        this.settings = b;
        this.dir = Files.createTempDirectory(b.folderPrefix);
        FOLDERS.add(dir);
        OpsSettings ops = ConfigLoader.defaults().ops().withAdminPort(0);
        if (!b.adaptersDecideReadiness) {
            ops = ops.withHealth(new OpsSettings.Health(
                    ops.health().healthyFor(), ops.health().failedFor(), false));
        }
        GatewayConfig defaults = ConfigLoader.defaults(dir).withPort(0).withOps(ops);
        Collection<String> names = b.adapters == null ? defaults.adapters().keySet() : b.adapters;
        TestAdapters started =
                new TestAdapters(pki, names, b.down, b.adapterClock == null ? b.clock : b.adapterClock, b.adapterGrace);
        try {
            GatewayConfig cfg = b.tweak.apply(defaults.withAdapters(started.endpoints(defaults.adapters())));
            GatewayServer.Material material = DevMaterial.from(pki, b.clock);
            this.gateway = b.processes == null
                    ? GatewayServer.start(cfg, material)
                    : GatewayServer.start(cfg, material, b.processes);
            this.config = cfg;
            this.adapters = started;
        } catch (IOException | RuntimeException e) {
            started.close();
            throw e;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A new client over mutual TLS with {@code system}'s certificate (a connection of its own), closed with this. */
    public GatewayClient client(String system) {
        GatewayClient client = new GatewayClient(
                "127.0.0.1",
                gateway.port(),
                new TlsFiles(pki.tlsCertChainPem(system), pki.tlsKeyPem(system), pki.tlsTrustPem()),
                DevMaterial.GATEWAY_SYSTEM,
                Duration.ofSeconds(10));
        synchronized (clients) {
            clients.add(client);
        }
        return client;
    }

    /** Another gateway node on the same configuration, database and adapters, closed with this. */
    public GatewayServer startNode(GatewayServer.Processes processes) throws IOException {
        GatewayServer node = GatewayServer.start(config, DevMaterial.from(pki, settings.clock), processes);
        nodes.add(node);
        return node;
    }

    @Override
    public void close() {
        synchronized (clients) {
            clients.forEach(GatewayClient::close);
        }
        nodes.forEach(GatewayServer::close);
        gateway.close();
        adapters.close();
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // Best effort: it is a temporary folder.
        }
    }

    /** What a test changes of the defaults; each setting has a default that most tests keep. */
    public static final class Builder {
        private Collection<String> adapters;
        private Set<String> down = Set.of();
        private Clock clock = Clock.systemUTC();
        private Clock adapterClock;
        private Duration adapterGrace = Duration.ofSeconds(2);
        private GatewayServer.Processes processes;
        private UnaryOperator<GatewayConfig> tweak = c -> c;
        private boolean adaptersDecideReadiness = true;
        private String folderPrefix = "shlyuz-gateway-";

        Builder() {}

        /** The adapters the configuration has (default: every configured one). */
        public Builder adapters(Collection<String> names) {
            this.adapters = List.copyOf(names);
            return this;
        }

        /** Adapters configured but not started: their ports are reserved, nothing listens (default: none). */
        public Builder down(Set<String> names) {
            this.down = Set.copyOf(names);
            return this;
        }

        /** The gateway's clock, and the adapters' unless {@link #adapterClock} says otherwise (default: system UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The adapters' clock alone: a test may hold the agencies with it (default: the gateway's clock). */
        public Builder adapterClock(Clock clock) {
            this.adapterClock = Objects.requireNonNull(clock, "adapterClock");
            return this;
        }

        /** How long a closing adapter lets its calls finish (default: 2 s). */
        public Builder adapterGrace(Duration grace) {
            this.adapterGrace = Objects.requireNonNull(grace, "adapterGrace");
            return this;
        }

        /** How the node runs processes (default: {@link GatewayServer.Processes#defaults} on the gateway's clock). */
        public Builder processes(GatewayServer.Processes processes) {
            this.processes = Objects.requireNonNull(processes, "processes");
            return this;
        }

        /** Changes to the configuration before the gateway starts (default: none). */
        public Builder config(UnaryOperator<GatewayConfig> tweak) {
            this.tweak = Objects.requireNonNull(tweak, "config");
            return this;
        }

        /** Whether adapters that are down make the node unready (default: true, as shipped). */
        public Builder adaptersDecideReadiness(boolean decide) {
            this.adaptersDecideReadiness = decide;
            return this;
        }

        /** The prefix of the temporary data folder, so a leftover one says which tests made it. */
        public Builder folderPrefix(String prefix) {
            this.folderPrefix = Objects.requireNonNull(prefix, "folderPrefix");
            return this;
        }

        public TestGateway start() throws IOException {
            return new TestGateway(this);
        }
    }
}
