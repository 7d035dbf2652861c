package kz.shlyuz.gateway.signature;

import java.net.URI;
import java.time.Instant;

/**
 * What the signature checks tell about their outside calls — OCSP requests and cache hits, CRL
 * decisions, time-stamps — to whoever counts them: a port passed to {@link SignatureVerifier}
 * (and from there to {@link OcspClient} and {@link RevocationCheck}), so each gateway counts its
 * own verifier's calls into its own registry. A listener must be quick and must not throw: it runs
 * on the verifying thread.
 */
public interface SignatureEvents {
    /** Counts nothing: the verify tool, the bench, tests. */
    SignatureEvents NONE = new SignatureEvents() {
        @Override
        public void ocspCache(boolean hit) {}

        @Override
        public void ocsp(URI responder, String result, long nanos, Instant at, Instant nextUpdate) {}

        @Override
        public void crl(String result) {}

        @Override
        public void tsa(String target, String result, long nanos, Instant at) {}
    };

    /** An OCSP answer taken from the cache (hit) or asked of the responder (miss). */
    void ocspCache(boolean hit);

    /**
     * A request to an OCSP responder, or one not made because its breaker is open.
     *
     * @param result good, revoked, failed or breaker-open
     * @param nanos how long it took (0 when not asked)
     * @param nextUpdate what the responder announced, or null
     */
    void ocsp(URI responder, String result, long nanos, Instant at, Instant nextUpdate);

    /** A revocation decision taken from a CRL: good, revoked, or none (no current CRL). */
    void crl(String result);

    /** A time-stamp asked of the TSA for the gateway's own signature: ok or failed. */
    void tsa(String target, String result, long nanos, Instant at);
}
