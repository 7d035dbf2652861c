package kz.shlyuz.bench.micro;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kz.shlyuz.certs.cms.SignerKey;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.certs.pki.DevPki;
import kz.shlyuz.gateway.signature.CertificatePathProbe;
import kz.shlyuz.gateway.signature.TrustMaterial;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Path validation of a citizen's signing certificate to the root with the CA's CRL, as the
 * gateway does it for every signer: JDK PKIX build + validate, then the revocation check. Runs the
 * gateway's own path code through {@link CertificatePathProbe}, so this module adds no class to
 * the gateway's packages.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CertificatePathsBenchmark {
    private TrustMaterial trust;
    private CertificatePathProbe paths;
    private X509Certificate leaf;
    private List<X509Certificate> supplied;

    @Setup
    public void setUp() {
        DevPki pki = BenchPki.get();
        trust = BenchPki.trust(pki);
        paths = CertificatePathProbe.crlOnly(trust);
        SignerKey citizen = pki.signerKey(Persona.CLEAN.key());
        leaf = citizen.certificate();
        supplied = new ArrayList<>();
        supplied.add(leaf);
        supplied.addAll(citizen.chain());
    }

    /** Full PKIX build and validation with the CRL, every time (a fresh probe has nothing cached). */
    @Benchmark
    public List<X509Certificate> cold() {
        return CertificatePathProbe.crlOnly(trust).validate(leaf, supplied, Instant.now());
    }

    /** The same signer again: the path from the validated-chain cache; revocation still checked (CRL). */
    @Benchmark
    public List<X509Certificate> cached() {
        return paths.validate(leaf, supplied, Instant.now());
    }
}
