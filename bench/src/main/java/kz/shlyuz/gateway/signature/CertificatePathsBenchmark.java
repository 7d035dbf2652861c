package kz.shlyuz.gateway.signature;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kz.shlyuz.bench.micro.BenchPki;
import kz.shlyuz.certs.cms.SignerKey;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.certs.pki.DevPki;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Path validation of a citizen's signing certificate to the root with the CA's CRL, as the
 * gateway does it for every signer: JDK PKIX build + validate, then the revocation check. Lives in the gateway's signature
 * package (a split package in the bench jar) because {@link CertificatePaths} is package-private.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CertificatePathsBenchmark {
    private TrustMaterial trust;
    private CertificatePaths paths;
    private X509Certificate leaf;
    private List<X509Certificate> supplied;

    @Setup
    public void setUp() {
        DevPki pki = BenchPki.get();
        trust = BenchPki.trust(pki);
        paths = newPaths();
        SignerKey citizen = pki.signerKey(Persona.CLEAN.key());
        leaf = citizen.certificate();
        supplied = new java.util.ArrayList<>();
        supplied.add(leaf);
        supplied.addAll(citizen.chain());
    }

    /** Full PKIX build and validation with the CRL, every time (a fresh CertificatePaths has nothing cached). */
    @Benchmark
    public CertificatePaths.Validated cold() {
        return newPaths().validate(leaf, supplied, Instant.now());
    }

    /** The same signer again: the path from the validated-chain cache; revocation still checked (CRL). */
    @Benchmark
    public CertificatePaths.Validated cached() {
        return paths.validate(leaf, supplied, Instant.now());
    }

    /** Revocation from the CA's CRL only (no OCSP responder runs in a micro-benchmark). */
    private CertificatePaths newPaths() {
        return new CertificatePaths(trust, new RevocationCheck(null, null,
                VerificationPolicy.RevocationMode.REQUIRE, java.time.Clock.systemUTC()));
    }
}
