package kz.shlyuz.gateway.signature;

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
 * @param ocsp how to ask OCSP responders ({@code null}: {@link OcspSettings#off()}, CRLs only)
 */
public record VerificationPolicy(Duration signingTimeWindow, RevocationMode revocation, OcspSettings ocsp) {

    public VerificationPolicy(Duration signingTimeWindow, RevocationMode revocation) {
        this(signingTimeWindow, revocation, OcspSettings.defaults());
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
        ocsp = ocsp == null ? OcspSettings.off() : ocsp;
        if (signingTimeWindow != null && (signingTimeWindow.isNegative() || signingTimeWindow.isZero())) {
            throw new IllegalArgumentException("signingTimeWindow: " + signingTimeWindow + " (expected: > 0 or none)");
        }
    }

    /** The same policy with other OCSP settings ({@code null}: CRLs only). */
    public VerificationPolicy withOcsp(OcspSettings newOcsp) {
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
