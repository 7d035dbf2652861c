package kz.shlyuz.certs.ocsp;

import java.math.BigInteger;
import java.security.cert.X509Certificate;

/** The source of truth the responder answers from: a CA's issuance and revocation records. */
@FunctionalInterface
public interface CertificateStatuses {
    /** The status of the certificate with {@code serial} issued by {@code issuer}. */
    CertificateStatus status(X509Certificate issuer, BigInteger serial);
}
