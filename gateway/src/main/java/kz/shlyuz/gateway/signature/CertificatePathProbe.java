package kz.shlyuz.gateway.signature;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Path validation exactly as the verifier runs it for a signer (JDK PKIX build and validate, then
 * the revocation check), for the micro-benchmarks of the bench module: it lets them time
 * {@link CertificatePaths} from their own package without opening that class, so no module has to
 * put a class into this package.
 */
public final class CertificatePathProbe {
    private final CertificatePaths paths;

    private CertificatePathProbe(CertificatePaths paths) {
        this.paths = paths;
    }

    /**
     * Paths to the given trust with revocation from the CAs' CRLs only, required (no OCSP
     * responder runs in a micro-benchmark); a new probe has nothing cached.
     */
    public static CertificatePathProbe crlOnly(TrustMaterial trust) {
        return new CertificatePathProbe(new CertificatePaths(
                trust, new RevocationCheck(null, null, VerificationPolicy.RevocationMode.REQUIRE, Clock.systemUTC())));
    }

    /**
     * Validates the leaf's path at the given instant; refuses (as the verifier would) when there
     * is none or a certificate on it is revoked.
     *
     * @return the validated path, leaf first
     */
    public List<X509Certificate> validate(X509Certificate leaf, Collection<X509Certificate> supplied, Instant at) {
        return paths.validate(leaf, supplied, at).path();
    }
}
