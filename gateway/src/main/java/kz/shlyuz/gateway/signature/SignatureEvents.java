package kz.shlyuz.gateway.signature;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Counters of the signature checks' outside calls — OCSP requests and cache hits, CRL decisions,
 * time-stamps — for code that has no handle on a gateway's registry: they count into the
 * registry of every gateway running in this JVM (attached while it runs). The last call
 * of each kind is also kept (when, how it went, how long it took, the next update it announced)
 * for {@code ./shlyuz doctor}.
 */
public final class SignatureEvents {
    /** The last call to one responder or authority. */
    public record LastCall(String kind, String target, String result, Instant at, long micros, Instant nextUpdate) {}

    private static final Map<String, LastCall> last = new ConcurrentHashMap<>();
    /** The registries of the gateways running in this JVM (one in production). */
    private static final java.util.List<MeterRegistry> registries = new java.util.concurrent.CopyOnWriteArrayList<>();

    private SignatureEvents() {}

    /** A running gateway's registry receives these counts until {@link #detach}. */
    public static void attach(MeterRegistry registry) {
        registries.add(registry);
    }

    public static void detach(MeterRegistry registry) {
        registries.remove(registry);
    }

    /** An OCSP answer taken from the cache (hit) or asked of the responder (miss). */
    public static void ocspCache(boolean hit) {
        for (MeterRegistry r : registries) {
            Counter.builder("shlyuz.ocsp.cache").description("OCSP answers taken from the cache (hit) or asked (miss)")
                    .tag("result", hit ? "hit" : "miss").register(r).increment();
        }
    }

    /**
     * A request to an OCSP responder.
     *
     * @param result good, revoked or failed
     * @param nextUpdate what the responder announced, or null
     */
    public static void ocsp(URI responder, String result, long nanos, Instant at, Instant nextUpdate) {
        for (MeterRegistry r : registries) {
            Timer.builder("shlyuz.ocsp.requests").description("OCSP requests by result")
                    .tag("result", result).register(r).record(nanos, TimeUnit.NANOSECONDS);
        }
        last.put("ocsp " + responder, new LastCall("ocsp", String.valueOf(responder), result, at, nanos / 1000,
                nextUpdate));
    }

    /** A revocation decision taken from a CRL: good, revoked, or none (no current CRL). */
    public static void crl(String result) {
        for (MeterRegistry r : registries) {
            Counter.builder("shlyuz.crl.checks").description("Revocation decisions from CRLs by result")
                    .tag("result", result).register(r).increment();
        }
    }

    /** A time-stamp asked of the TSA for the gateway's own signature. */
    public static void tsa(String target, String result, long nanos, Instant at) {
        for (MeterRegistry r : registries) {
            Timer.builder("shlyuz.tsa.requests").description("Time-stamps asked for the gateway's signatures by result")
                    .tag("result", result).register(r).record(nanos, TimeUnit.NANOSECONDS);
        }
        last.put("tsa " + target, new LastCall("tsa", target, result, at, nanos / 1000, null));
    }

    /** The last call of each kind and target since the process started. */
    public static Map<String, LastCall> lastCalls() {
        return Map.copyOf(last);
    }
}
