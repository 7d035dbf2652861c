package kz.shlyuz.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.shlyuz.adapters.AdapterConfig;
import kz.shlyuz.adapters.AdapterServer;
import kz.shlyuz.adapters.effect.EffectLedger;
import kz.shlyuz.certs.pki.DevPki;
import kz.shlyuz.gateway.config.AdapterEndpoint;
import kz.shlyuz.gateway.server.DevMaterial;

/**
 * Real agency adapters on loopback TLS ports for a test, each at a port that stays its own: an
 * adapter that is {@linkplain #stop stopped} or was never started leaves its port reserved, so
 * that {@link #start} brings it up again where the gateway expects it. Only the gateway's system
 * may call them. Everything running is closed by {@link #close()}.
 */
public final class TestAdapters implements AutoCloseable {
    private final DevPki pki;
    private final Clock clock;
    private final Duration grace;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, AdapterServer> running = new LinkedHashMap<>();

    /**
     * @param names every adapter the test knows of, in order
     * @param down those of {@code names} not to start now (a closed port the gateway is pointed at)
     * @param clock the adapters' clock, stamped on their answers and signatures
     * @param grace how long {@link AdapterServer#close()} lets a call in flight finish
     */
    public TestAdapters(DevPki pki, Iterable<String> names, Set<String> down, Clock clock, Duration grace)
            throws IOException {
        this.pki = pki;
        this.clock = clock;
        this.grace = grace;
        for (String name : names) {
            if (down.contains(name)) {
                ports.put(name, freePort());
            } else {
                AdapterServer adapter = AdapterServer.start(config(name, 0));
                running.put(name, adapter);
                ports.put(name, adapter.port());
            }
        }
    }

    private AdapterConfig config(String name, int port) {
        return new AdapterConfig(
                name, pki, new InetSocketAddress("127.0.0.1", port), clock, grace, Set.of(DevMaterial.GATEWAY_SYSTEM));
    }

    /** Starts an adapter that is down, on its port. */
    public void start(String name) throws IOException {
        if (running.containsKey(name)) {
            throw new IllegalStateException("adapter " + name + " is already running");
        }
        running.put(name, AdapterServer.start(config(name, port(name))));
    }

    /**
     * Starts an adapter that is down, on its port, serving its agency as {@code tweak} changes the
     * assembled definition (an agency that fails at a chosen moment).
     */
    public void start(String name, java.util.function.UnaryOperator<kz.shlyuz.adapters.agency.AgencyDefinition> tweak)
            throws IOException {
        if (running.containsKey(name)) {
            throw new IllegalStateException("adapter " + name + " is already running");
        }
        running.put(name, AdapterServer.start(config(name, port(name)), tweak));
    }

    /** The running adapter {@code name}, to read its registers. */
    public AdapterServer server(String name) {
        AdapterServer adapter = running.get(name);
        if (adapter == null) {
            throw new IllegalStateException("adapter " + name + " is not running");
        }
        return adapter;
    }

    /** Stops a running adapter; its port stays its own. */
    public void stop(String name) {
        AdapterServer adapter = running.remove(name);
        if (adapter == null) {
            throw new IllegalStateException("adapter " + name + " is not running");
        }
        adapter.close();
    }

    /** The stage reports a running monitoring adapter registered so far (001 §14); none for one that is down. */
    public List<kz.shlyuz.adapters.monitoring.StageReportLedger.Registered> stageReports(String name) {
        AdapterServer adapter = running.get(name);
        return adapter == null ? List.of() : adapter.stageReports();
    }

    public int port(String name) {
        Integer port = ports.get(name);
        if (port == null) {
            throw new IllegalArgumentException("adapter: " + name + " (expected one of " + ports.keySet() + ")");
        }
        return port;
    }

    /** The effects a running agency applied so far; none for one that is down. */
    public List<EffectLedger.Effect> effects(String name) {
        AdapterServer adapter = running.get(name);
        return adapter == null ? List.of() : adapter.effects();
    }

    /**
     * Where the gateway finds each adapter: the configured endpoints with this test's ports,
     * keeping the configured signers of each agency's answers.
     */
    public Map<String, AdapterEndpoint> endpoints(Map<String, AdapterEndpoint> configured) {
        Map<String, AdapterEndpoint> endpoints = new LinkedHashMap<>();
        for (String name : ports.keySet()) {
            AdapterEndpoint c = configured.get(name);
            if (c == null) {
                throw new IllegalArgumentException(
                        "adapter " + name + " is not configured (expected one of " + configured.keySet() + ")");
            }
            endpoints.put(name, new AdapterEndpoint("127.0.0.1", port(name), c.signerBins()));
        }
        return endpoints;
    }

    /** A loopback port nothing listens on now: an adapter that is down. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        new ArrayList<>(running.values()).forEach(AdapterServer::close);
        running.clear();
    }
}
