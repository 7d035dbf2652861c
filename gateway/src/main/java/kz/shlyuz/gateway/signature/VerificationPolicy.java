package kz.shlyuz.gateway.signature;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How strictly signatures are judged beyond the checks that are never switched off (signature
 * math, digest, algorithm, signing certificate, path to a trust anchor).
 *
 * @param signingTimeWindow how far the signing-time may be from the verifier's clock; {@code null}
 *     for archive verification (the verify tool): the certificate is then judged at the signing
 *     time, however long ago that was
 * @param revocation what to do when neither OCSP nor a CRL answers for a certificate
 * @param ocsp how to ask OCSP responders, or {@code null} for CRLs only
 */
public record VerificationPolicy(Duration signingTimeWindow, RevocationMode revocation, Ocsp ocsp) {

    /**
     * OCSP settings.
     *
     * @param responder the responder to ask about every certificate, or {@code null} for each
     *     certificate's AIA
     * @param timeout connect and answer deadline of one request
     * @param cacheTtl how long a good or revoked answer is reused (at most until its nextUpdate):
     *     the window in which a fresh revocation may still go unnoticed
     * @param maxAge how long an answer without nextUpdate counts as fresh
     */
    public record Ocsp(URI responder, Duration timeout, Duration cacheTtl, Duration maxAge) {
        public Ocsp {
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(cacheTtl, "cacheTtl");
            Objects.requireNonNull(maxAge, "maxAge");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("ocsp.timeout: " + timeout + " (expected: > 0)");
            }
        }

        /** Each certificate's AIA, 3 s per request, answers reused for a minute. */
        public static Ocsp fromCertificates() {
            return new Ocsp(null, Duration.ofSeconds(3), Duration.ofMinutes(1), Duration.ofMinutes(10));
        }
    }

    public VerificationPolicy(Duration signingTimeWindow, RevocationMode revocation) {
        this(signingTimeWindow, revocation, Ocsp.fromCertificates());
    }

    /** When the revocation status of a signer cannot be learnt. */
    public enum RevocationMode {
        /** Refuse with {@code REVOCATION_UNKNOWN} (the default: fail closed). */
        REQUIRE,
        /** Accept, and report the status as unknown with the reason. */
        SOFT_FAIL
    }

    public VerificationPolicy {
        Objects.requireNonNull(revocation, "revocation");
        if (signingTimeWindow != null && (signingTimeWindow.isNegative() || signingTimeWindow.isZero())) {
            throw new IllegalArgumentException("signingTimeWindow: " + signingTimeWindow + " (expected: > 0 or none)");
        }
    }

    /** The same policy with other OCSP settings ({@code null}: CRLs only). */
    public VerificationPolicy withOcsp(Ocsp newOcsp) {
        return new VerificationPolicy(signingTimeWindow, revocation, newOcsp);
    }

    /** The gateway's policy: signing-time within {@code window} of now, revocation required. */
    public static VerificationPolicy online(Duration window) {
        return new VerificationPolicy(Objects.requireNonNull(window, "window"), RevocationMode.REQUIRE);
    }

    /** True for archive verification (no signing-time window). */
    public boolean archive() {
        return signingTimeWindow == null;
    }
}
