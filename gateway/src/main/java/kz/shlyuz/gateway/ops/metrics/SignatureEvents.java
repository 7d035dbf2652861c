package kz.shlyuz.gateway.ops.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Counters of the signature checks' outside calls — OCSP requests and cache hits, CRL decisions,
 * time-stamps — for code that has no handle on a gateway's registry: they count through
 * Micrometer's global registry, to which each running gateway's registry is added. The last call
 * of each kind is also kept (when, how it went, how long it took, the next update it announced)
 * for {@code ./shlyuz doctor}.
 */
public final class SignatureEvents {
    /** The last call to one responder or authority. */
    public record LastCall(String kind, String target, String result, Instant at, long micros, Instant nextUpdate) {}

    private static final Map<String, LastCall> last = new ConcurrentHashMap<>();

    private SignatureEvents() {}

    /** An OCSP answer taken from the cache (hit) or asked of the responder (miss). */
    public static void ocspCache(boolean hit) {
        Counter.builder("shlyuz.ocsp.cache").description("OCSP answers taken from the cache (hit) or asked (miss)")
                .tag("result", hit ? "hit" : "miss").register(Metrics.globalRegistry).increment();
    }

    /**
     * A request to an OCSP responder.
     *
     * @param result good, revoked or failed
     * @param nextUpdate what the responder announced, or null
     */
    public static void ocsp(URI responder, String result, long nanos, Instant at, Instant nextUpdate) {
        Timer.builder("shlyuz.ocsp.requests").description("OCSP requests by result")
                .tag("result", result).register(Metrics.globalRegistry).record(nanos, TimeUnit.NANOSECONDS);
        last.put("ocsp " + responder, new LastCall("ocsp", String.valueOf(responder), result, at, nanos / 1000,
                nextUpdate));
    }

    /** A revocation decision taken from a CRL: good, revoked, or none (no current CRL). */
    public static void crl(String result) {
        Counter.builder("shlyuz.crl.checks").description("Revocation decisions from CRLs by result")
                .tag("result", result).register(Metrics.globalRegistry).increment();
    }

    /** A time-stamp asked of the TSA for the gateway's own signature. */
    public static void tsa(String target, String result, long nanos, Instant at) {
        Timer.builder("shlyuz.tsa.requests").description("Time-stamps asked for the gateway's signatures by result")
                .tag("result", result).register(Metrics.globalRegistry).record(nanos, TimeUnit.NANOSECONDS);
        last.put("tsa " + target, new LastCall("tsa", target, result, at, nanos / 1000, null));
    }

    /** The last call of each kind and target since the process started. */
    public static Map<String, LastCall> lastCalls() {
        return Map.copyOf(last);
    }
}
