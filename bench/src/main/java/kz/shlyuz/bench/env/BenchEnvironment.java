package kz.shlyuz.bench.env;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import kz.shlyuz.adapters.AdapterConfig;
import kz.shlyuz.adapters.AdapterServer;
import kz.shlyuz.certs.pki.DevPki;
import kz.shlyuz.gateway.server.DevMaterial;

/**
 * Everything one run starts, on loopback and ephemeral ports: a fresh dev PKI in a temporary
 * folder, the gbd-fl and mvd-docs adapters in this JVM (synchronous lookups, and the effect the
 * asynchronous cases order), the gateway in its own JVM with a temporary H2 journal, and nginx
 * relaying to the scenario's baseline adapter when nginx is installed. {@link #close()} stops all of it and
 * deletes the folder.
 */
public final class BenchEnvironment implements AutoCloseable {
    /** The agency every synchronous scenario so far asks (the address certificate of a person). */
    public static final String AGENCY = "gbd-fl";
    /** The agency the asynchronous TEMPORARY_ID cases call (it issues the document). */
    public static final String DOCS_AGENCY = "mvd-docs";

    private final Path runDir;
    private final DevPki pki;
    private final Clock clock = Clock.systemUTC();
    private final List<AutoCloseable> started = new ArrayList<>();
    private final List<ManagedChannel> channels = new ArrayList<>();
    private AdapterServer adapter;
    private AdapterServer docsAdapter;
    private GatewayProcess gateway;
    private Optional<NginxRelay> nginx = Optional.empty();
    private String nginxNote;

    private BenchEnvironment(Path runDir, DevPki pki) {
        this.runDir = runDir;
        this.pki = pki;
    }

    /** Starts the adapters, the gateway and (if installed and wanted) nginx relaying to gbd-fl. */
    public static BenchEnvironment start(boolean withNginx, PrintStream progress)
            throws IOException, InterruptedException {
        return start(withNginx, AGENCY, progress);
    }

    /** As {@link #start(boolean, PrintStream)}, nginx relaying to {@code relayed} (gbd-fl or mvd-docs). */
    public static BenchEnvironment start(boolean withNginx, String relayed, PrintStream progress)
            throws IOException, InterruptedException {
        Path runDir = Files.createTempDirectory("shlyuz-bench-");
        progress.println("bench: generating a development PKI in " + runDir);
        BenchEnvironment env = new BenchEnvironment(runDir, DevPki.generate(runDir.resolve("pki"), Instant.now()));
        try {
            env.adapter = AdapterServer.start(new AdapterConfig(
                    AGENCY,
                    env.pki,
                    new InetSocketAddress("127.0.0.1", 0),
                    env.clock,
                    Duration.ofSeconds(2),
                    Set.of(DevMaterial.GATEWAY_SYSTEM)));
            env.started.add(env.adapter);
            env.docsAdapter = AdapterServer.start(new AdapterConfig(
                    DOCS_AGENCY,
                    env.pki,
                    new InetSocketAddress("127.0.0.1", 0),
                    env.clock,
                    Duration.ofSeconds(2),
                    Set.of(DevMaterial.GATEWAY_SYSTEM)));
            env.started.add(env.docsAdapter);
            progress.println("bench: adapters " + AGENCY + " on 127.0.0.1:" + env.adapter.port() + ", " + DOCS_AGENCY
                    + " on 127.0.0.1:" + env.docsAdapter.port()
                    + "; starting the gateway JVM (-Xmx" + GatewayProcess.HEAP_LIMIT + ")");
            env.gateway = GatewayProcess.start(
                    env.pki.dir(),
                    runDir,
                    List.of(AGENCY + "=" + env.adapter.port(), DOCS_AGENCY + "=" + env.docsAdapter.port()));
            env.started.add(env.gateway);
            progress.println("bench: gateway on 127.0.0.1:" + env.gateway.port() + " (pid " + env.gateway.pid() + ")");
            Optional<Path> executable = withNginx ? NginxRelay.executable() : Optional.empty();
            if (executable.isPresent()) {
                int relayedPort = relayed.equals(DOCS_AGENCY) ? env.docsAdapter.port() : env.adapter.port();
                NginxRelay relay = NginxRelay.start(
                        executable.get(), env.pki, relayed, relayedPort, DevMaterial.GATEWAY_SYSTEM, runDir);
                env.started.add(relay);
                env.nginx = Optional.of(relay);
                progress.println("bench: nginx grpc_pass relay to " + relayed + " on 127.0.0.1:" + relay.port());
            } else {
                env.nginxNote = withNginx
                        ? "nginx is not installed (Debian: apt-get install nginx)"
                        : "nginx column switched off (--no-nginx)";
                progress.println("bench: " + env.nginxNote + "; column (b) is skipped");
            }
            return env;
        } catch (IOException | InterruptedException | RuntimeException e) {
            env.close();
            throw e;
        }
    }

    public DevPki pki() {
        return pki;
    }

    public Clock clock() {
        return clock;
    }

    public int adapterPort() {
        return adapter.port();
    }

    /** The mvd-docs adapter's port. */
    public int docsAdapterPort() {
        return docsAdapter.port();
    }

    /**
     * The adapters of this environment as a gateway JVM takes them ({@code agency=port}), for the
     * scenarios that start gateways of their own.
     */
    public List<String> adapterArguments() {
        return List.of(AGENCY + "=" + adapterPort(), DOCS_AGENCY + "=" + docsAdapterPort());
    }

    public GatewayProcess gateway() {
        return gateway;
    }

    public Optional<NginxRelay> nginx() {
        return nginx;
    }

    /** Why there is no nginx column, when there is none. */
    public Optional<String> nginxNote() {
        return Optional.ofNullable(nginxNote);
    }

    /**
     * A mutual-TLS channel to a loopback port as {@code clientSystem}, checking that the server's
     * certificate names {@code authority}. Closed with the environment.
     */
    public ManagedChannel channel(int port, String clientSystem, String authority) {
        ChannelCredentials credentials;
        try {
            credentials = TlsChannelCredentials.newBuilder()
                    .keyManager(
                            pki.tlsCertChainPem(clientSystem).toFile(),
                            pki.tlsKeyPem(clientSystem).toFile())
                    .trustManager(pki.tlsTrustPem().toFile())
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the dev PKI's TLS files", e);
        }
        ManagedChannel channel = Grpc.newChannelBuilderForAddress("127.0.0.1", port, credentials)
                .overrideAuthority(authority)
                .maxInboundMessageSize(16 << 20)
                // Answers are handled where they arrive: the load loop's work per answer is tiny.
                .directExecutor()
                .build();
        channels.add(channel);
        return channel;
    }

    @Override
    public void close() {
        for (ManagedChannel channel : channels) {
            channel.shutdownNow();
            try {
                channel.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println(
                        "bench: stopping " + started.get(i).getClass().getSimpleName() + ": " + e);
            }
        }
        deleteTree(runDir);
    }

    private static void deleteTree(Path dir) {
        if (Boolean.getBoolean("shlyuz.bench.keep")) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Leftovers in the temporary folder are harmless.
        }
    }
}
