package kz.shlyuz.gateway.signature;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything about asking OCSP responders, in one place: whether to ask at all, whom, how long to
 * wait, how long and how much to keep, and how long a responder that failed is left alone. The
 * configuration produces it ({@code trust.ocsp.*}, {@code bounds.caches.ocsp},
 * {@code bounds.ocspBreaker}), the {@link VerificationPolicy} carries it and {@link OcspClient}
 * takes it as it is.
 *
 * @param enabled false for CRLs only
 * @param responder the responder to ask about every certificate, or {@code null} for each
 *     certificate's AIA
 * @param timeout the deadline of one whole exchange, body included
 * @param cacheTtl how long a good or revoked answer is reused (at most until its nextUpdate): the
 *     window in which a fresh revocation may still go unnoticed
 * @param maxAge how long an answer without nextUpdate counts as fresh
 * @param cache how many answers, and how many bytes of them, are kept
 * @param breaker how long a responder that failed is left alone
 */
public record OcspSettings(
        boolean enabled,
        URI responder,
        Duration timeout,
        Duration cacheTtl,
        Duration maxAge,
        SignatureLimits.CacheBound cache,
        Breaker breaker) {

    /**
     * The circuit breaker in front of OCSP responders.
     *
     * @param openFor how long a responder that failed (unreachable, timed out, HTTP error) is not
     *     asked again; after it, one call probes it
     * @param maxResponders how many responders' states are kept
     */
    public record Breaker(Duration openFor, int maxResponders) {
        public Breaker {
            if (openFor == null || openFor.isNegative()) {
                throw new IllegalArgumentException("breaker.openFor: " + openFor + " (expected: >= 0)");
            }
            if (maxResponders < 1) {
                throw new IllegalArgumentException("breaker.maxResponders: " + maxResponders + " (expected: >= 1)");
            }
        }

        public static Breaker defaults() {
            return new Breaker(Duration.ofSeconds(30), 64);
        }
    }

    public OcspSettings {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(cacheTtl, "cacheTtl");
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(cache, "cache");
        Objects.requireNonNull(breaker, "breaker");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("trust.ocsp.timeout: " + timeout + " (expected: > 0)");
        }
        if (cacheTtl.isNegative()) {
            throw new IllegalArgumentException("trust.ocsp.cacheTtl: " + cacheTtl + " (expected: >= 0)");
        }
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("ocsp maxAge: " + maxAge + " (expected: >= 0)");
        }
    }

    /**
     * The shipped settings (the same as defaults.json): each certificate's AIA, 3 s per request,
     * answers reused for a minute, an answer without nextUpdate fresh for 10 minutes, 10 000
     * answers or 8 MiB kept, a failed responder left alone for 30 s.
     */
    public static OcspSettings defaults() {
        return new OcspSettings(
                true,
                null,
                Duration.ofSeconds(3),
                Duration.ofMinutes(1),
                Duration.ofMinutes(10),
                new SignatureLimits.CacheBound(10_000, 8L << 20),
                Breaker.defaults());
    }

    /** The defaults, switched off: CRLs only. */
    public static OcspSettings off() {
        return defaults().withEnabled(false);
    }

    public OcspSettings withEnabled(boolean on) {
        return new OcspSettings(on, responder, timeout, cacheTtl, maxAge, cache, breaker);
    }

    public OcspSettings withResponder(URI uri) {
        return new OcspSettings(enabled, uri, timeout, cacheTtl, maxAge, cache, breaker);
    }

    public OcspSettings withTimeout(Duration newTimeout) {
        return new OcspSettings(enabled, responder, newTimeout, cacheTtl, maxAge, cache, breaker);
    }

    public OcspSettings withCacheTtl(Duration ttl) {
        return new OcspSettings(enabled, responder, timeout, ttl, maxAge, cache, breaker);
    }

    public OcspSettings withBreaker(Breaker newBreaker) {
        return new OcspSettings(enabled, responder, timeout, cacheTtl, maxAge, cache, newBreaker);
    }
}
