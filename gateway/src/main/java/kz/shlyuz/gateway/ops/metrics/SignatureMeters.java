package kz.shlyuz.gateway.ops.metrics;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kz.shlyuz.gateway.signature.SignatureEvents;

/**
 * The gateway's own verifier's outside calls — OCSP requests and cache hits, CRL decisions, the
 * time-stamps of its own signatures — counted into its registry, and the last call to each
 * responder or authority kept for {@code ./shlyuz doctor} (when, how it went, how long it took,
 * the next update it announced). Injected into the verifier, so two gateways in one JVM count
 * each its own.
 */
public final class SignatureMeters implements SignatureEvents {
    /** Responders and authorities remembered: the national CA has a few; a certificate's AIA cannot grow it unbounded. */
    private static final int MAX_TARGETS = 256;

    /** The last call to one responder or authority. */
    public record LastCall(String kind, String target, String result, Instant at, long micros, Instant nextUpdate) {}

    private final MeterRegistry registry;
    private final Cache<String, LastCall> last = Caffeine.newBuilder()
            .maximumSize(MAX_TARGETS)
            .executor(Runnable::run)
            .build();

    public SignatureMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void ocspCache(boolean hit) {
        Counter.builder("shlyuz.ocsp.cache")
                .description("OCSP answers taken from the cache (hit) or asked (miss)")
                .tag("result", hit ? "hit" : "miss")
                .register(registry)
                .increment();
    }

    @Override
    public void ocsp(URI responder, String result, long nanos, Instant at, Instant nextUpdate) {
        Timer.builder("shlyuz.ocsp.requests")
                .description("OCSP requests by result")
                .tag("result", result)
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
        last.put(
                "ocsp " + responder,
                new LastCall("ocsp", String.valueOf(responder), result, at, nanos / 1000, nextUpdate));
    }

    @Override
    public void crl(String result) {
        Counter.builder("shlyuz.crl.checks")
                .description("Revocation decisions from CRLs by result")
                .tag("result", result)
                .register(registry)
                .increment();
    }

    @Override
    public void tsa(String target, String result, long nanos, Instant at) {
        Timer.builder("shlyuz.tsa.requests")
                .description("Time-stamps asked for the gateway's signatures by result")
                .tag("result", result)
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
        last.put("tsa " + target, new LastCall("tsa", target, result, at, nanos / 1000, null));
    }

    /** The last call of each kind and target since the gateway started. */
    public Map<String, LastCall> lastCalls() {
        return Map.copyOf(last.asMap());
    }
}
