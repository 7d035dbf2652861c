package kz.shlyuz.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Operations (issue 12): the admin HTTP listener with metrics and health, tracing and the
 * readiness cache. Read from the configuration's {@code ops} object; every part may be omitted.
 *
 * @param admin where the admin listener runs and who may change the node's state through it
 * @param tracing OpenTelemetry export; off unless an endpoint is named
 * @param health how long a readiness result is reused, and whether adapters count for readiness
 */
public record OpsSettings(Admin admin, Tracing tracing, Health health) {

    public OpsSettings {
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(tracing, "tracing");
        Objects.requireNonNull(health, "health");
    }

    /**
     * The admin listener (metrics, health, maintenance).
     *
     * @param enabled false: no listener, no metrics (the bench's baseline)
     * @param host the address to bind, loopback by default
     * @param port 9464 by default; 0 picks a free port (tests)
     * @param adminClients CNs of client certificates allowed to change state (maintenance) when
     *     {@code tls} is on
     * @param tls serve HTTPS with the gateway's TLS key, asking for a client certificate
     * @param trustLoopback a caller on the loopback address may change state without a
     *     certificate (true by default: whoever is on the node's host already runs it); false on a
     *     host shared with other accounts, so that only {@code adminClients} may
     */
    public record Admin(
            boolean enabled, String host, int port, Set<String> adminClients, boolean tls, boolean trustLoopback) {
        public Admin {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("ops.admin.port: " + port + " (expected: 0–65535)");
            }
            adminClients = Set.copyOf(adminClients);
        }
    }

    /**
     * Tracing: where spans go and how many are recorded.
     *
     * @param otlpEndpoint OTLP/HTTP traces endpoint (e.g. {@code http://127.0.0.1:4318/v1/traces});
     *     null: no spans are recorded, only the caller's trace context is passed on
     * @param serviceName the {@code service.name} resource attribute
     * @param sampleRatio share of traces started here that are recorded (a caller's sampled flag wins)
     */
    public record Tracing(URI otlpEndpoint, String serviceName, double sampleRatio) {
        public Tracing {
            if (sampleRatio < 0 || sampleRatio > 1) {
                throw new IllegalArgumentException("ops.tracing.sampleRatio: " + sampleRatio + " (expected: 0–1)");
            }
        }

        public boolean enabled() {
            return otlpEndpoint != null;
        }
    }

    /**
     * How readiness is judged and how long its result is reused.
     *
     * @param healthyFor a passing readiness result is reused this long (X-Road: 2 s)
     * @param failedFor a failing one this long, so a struggling dependency is not hammered (30 s)
     * @param requireAdapters readiness fails when an agency adapter is unreachable
     */
    public record Health(Duration healthyFor, Duration failedFor, boolean requireAdapters) {
        public Health {
            if (healthyFor.isNegative() || failedFor.isNegative()) {
                throw new IllegalArgumentException("ops.health: cache durations must be >= 0");
            }
        }
    }

    public static OpsSettings defaults() {
        return new OpsSettings(
                new Admin(true, "127.0.0.1", 9464, Set.of(), false, true),
                new Tracing(null, "shlyuz-gateway", 1.0),
                new Health(Duration.ofSeconds(2), Duration.ofSeconds(30), true));
    }

    public OpsSettings withAdmin(Admin newAdmin) {
        return new OpsSettings(newAdmin, tracing, health);
    }

    /** The same settings with the admin listener on {@code port} (0 in tests: a free port). */
    public OpsSettings withAdminPort(int port) {
        return withAdmin(new Admin(
                admin.enabled(), admin.host(), port, admin.adminClients(), admin.tls(), admin.trustLoopback()));
    }

    public OpsSettings withHealth(Health newHealth) {
        return new OpsSettings(admin, tracing, newHealth);
    }

    public OpsSettings withTracing(Tracing newTracing) {
        return new OpsSettings(admin, newTracing, health);
    }

    /** Reads {@code root.ops}; what is absent keeps {@link #defaults()}. */
    static OpsSettings parse(JsonNode root) {
        OpsSettings d = defaults();
        JsonNode ops = root.path("ops");
        JsonNode admin = ops.path("admin");
        Set<String> clients = new LinkedHashSet<>();
        admin.path("adminClients").forEach(c -> clients.add(c.asText()));
        JsonNode tracing = ops.path("tracing");
        String endpoint = tracing.path("otlpEndpoint").isTextual()
                ? tracing.path("otlpEndpoint").asText()
                : null;
        JsonNode health = ops.path("health");
        return new OpsSettings(
                new Admin(
                        admin.path("enabled").asBoolean(d.admin().enabled()),
                        admin.path("host").asText(d.admin().host()),
                        admin.path("port").asInt(d.admin().port()),
                        clients,
                        admin.path("tls").asBoolean(false),
                        admin.path("trustLoopback").asBoolean(d.admin().trustLoopback())),
                new Tracing(
                        endpoint == null || endpoint.isBlank() ? null : endpoint(endpoint),
                        tracing.path("serviceName").asText(d.tracing().serviceName()),
                        tracing.path("sampleRatio").asDouble(d.tracing().sampleRatio())),
                new Health(
                        duration(health, "healthyFor", d.health().healthyFor()),
                        duration(health, "failedFor", d.health().failedFor()),
                        health.path("requireAdapters").asBoolean(d.health().requireAdapters())));
    }

    private static URI endpoint(String value) {
        try {
            URI uri = new URI(value);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new IllegalArgumentException(
                        "ops.tracing.otlpEndpoint: " + value + " (expected: an http(s) URL)");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("ops.tracing.otlpEndpoint: " + value + " (expected: an http(s) URL)", e);
        }
    }

    private static Duration duration(JsonNode node, String field, Duration fallback) {
        return ConfigValues.duration(node, "ops.health.", field, fallback, "PT2S");
    }
}
