package kz.shlyuz.certs.ocsp;

import java.time.Instant;
import java.util.Objects;

/** What a CA says about one of its certificates. */
public sealed interface CertificateStatus {
    /** Issued and not revoked. */
    record Good() implements CertificateStatus {}

    /** Revoked at {@code at} for {@code reason} (an RFC 5280 CRLReason code). */
    record Revoked(Instant at, int reason) implements CertificateStatus {
        public Revoked {
            Objects.requireNonNull(at, "at");
        }
    }

    /** Not a certificate this CA knows. */
    record Unknown() implements CertificateStatus {}
}
