package kz.shlyuz.bench.micro;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kz.shlyuz.certs.cms.CmsSigner;
import kz.shlyuz.certs.cms.SignerKey;
import kz.shlyuz.certs.gost.GostKeys;
import kz.shlyuz.certs.gost.GostPublicKey;
import kz.shlyuz.certs.gost.GostSignatures;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.certs.pki.DevPki;
import kz.shlyuz.gateway.signature.SignatureVerifier;
import kz.shlyuz.gateway.signature.VerifiedSigner;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * A citizen's detached CMS signature over the same 300 content bytes, verified with the same key
 * and the same bytes in several ways:
 *
 * <ul>
 *   <li>{@code signatureVerifier}: the gateway's whole {@link SignatureVerifier#verify} for an
 *       RSA-2048 signer (CMS parse, signed attributes, algorithm policy, digest and signature,
 *       signing-time window, certificate role, chain from the validated-chain cache, revocation
 *       from the CA's CRL on every call);
 *   <li>{@code bouncyCastleCms}: BouncyCastle's own {@code SignerInformation.verify} as usually
 *       called (CMS parse, verifier built per call; no chain, no revocation);
 *   <li>{@code rawRsaBouncyCastle}, {@code rawRsaJdk}: one SHA256withRSA verification of the
 *       signature value over the same signed-attribute bytes with the same public key, a
 *       {@code Signature} looked up per call as any caller would (BouncyCastle's provider, the
 *       JDK's);
 *   <li>{@code rawRsaJdkReused}, {@code rawRsaBouncyCastleReused}: the same with an engine kept per
 *       thread, as the gateway keeps its own: the cost of each provider's RSA without the look-up;
 *   <li>{@code gost2015Verifier} and {@code rawGost2015}: the same for the citizen's GOST 34.10-2015
 *       (512) signature, the whole gateway path against one raw GOST verification with our
 *       provider's arithmetic ({@link GostSignatures#verify}).
 * </ul>
 *
 * The target is {@code signatureVerifier} ≥ 0.7 × {@code rawRsaBouncyCastle}.
 *
 * <p>Besides JMH's throughput (wall clock, so disturbed by whatever else runs on the machine's two
 * cores), each measurement iteration prints the benchmark thread's own CPU time per operation
 * ({@link CpuPerOperation}): the figure to compare when other builds share the cores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CmsVerifyBenchmark {
    private static final Provider BC = new BouncyCastleProvider();

    private byte[] content;
    private SignatureVerifier verifier;

    private byte[] rsaSignature;
    private byte[] rsaSignedAttributes;
    private byte[] rsaSignatureValue;
    private PublicKey rsaKey;
    private X509CertificateHolder rsaHolder;

    private byte[] gostSignature;
    private byte[] gostSignedAttributes;
    private byte[] gostSignatureValue;
    private GostPublicKey gostKey;

    @Setup
    public void setUp() throws Exception {
        DevPki pki = BenchPki.get();
        Clock clock = Clock.systemUTC();
        content = new byte[300];
        new java.util.Random(1).nextBytes(content);
        verifier = new SignatureVerifier(BenchPki.trust(pki), clock, Duration.ofMinutes(30));
        CmsSigner cms = new CmsSigner(clock);

        SignerKey rsa = pki.signerKey(Persona.CLEAN.key());
        rsaSignature = cms.signDetached(content, List.of(rsa));
        SignerInformation rsaSigner = signerOf(rsaSignature);
        rsaSignedAttributes = rsaSigner.getEncodedSignedAttributes();
        rsaSignatureValue = rsaSigner.getSignature();
        rsaKey = rsa.certificate().getPublicKey();
        rsaHolder = new X509CertificateHolder(rsa.certificate().getEncoded());

        SignerKey gost = pki.signerKey(Persona.CLEAN.key() + DevPki.GOST2015_SUFFIX);
        gostSignature = cms.signDetached(content, List.of(gost));
        SignerInformation gostSigner = signerOf(gostSignature);
        gostSignedAttributes = gostSigner.getEncodedSignedAttributes();
        gostSignatureValue = gostSigner.getSignature();
        gostKey = GostKeys.publicKey(gost.certificate().getPublicKey());

        // Each pair must agree before it is timed: both sides verify, or the figures mean nothing.
        CpuPerOperation check = new CpuPerOperation();
        if (signatureVerifier(check).size() != 1
                || !rawRsaBouncyCastle(check)
                || !rawRsaJdk(check)
                || !bouncyCastleCms(check)
                || gost2015Verifier(check).size() != 1
                || !rawGost2015(check)) {
            throw new IllegalStateException("a benchmark's verification does not hold");
        }
    }

    private SignerInformation signerOf(byte[] signature) throws Exception {
        return new CMSSignedData(new CMSProcessableByteArray(content), signature)
                .getSignerInfos()
                .getSigners()
                .iterator()
                .next();
    }

    /**
     * The benchmark thread's CPU time over each measurement iteration, divided by the operations it
     * ran, printed as {@code cpu <benchmark>: <µs> µs/op}. Warm-up iterations are not printed.
     */
    @State(Scope.Thread)
    public static class CpuPerOperation {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        long operations;
        private long start;

        @Setup(Level.Iteration)
        public void start() {
            operations = 0;
            start = THREADS.getCurrentThreadCpuTime();
        }

        @TearDown(Level.Iteration)
        public void print(BenchmarkParams benchmark, IterationParams iteration) {
            long cpu = THREADS.getCurrentThreadCpuTime() - start;
            if (iteration.getType() == IterationType.MEASUREMENT && operations > 0) {
                String name = benchmark
                        .getBenchmark()
                        .substring(benchmark.getBenchmark().lastIndexOf('.') + 1);
                System.out.printf(
                        java.util.Locale.ROOT,
                        "cpu %s: %.2f µs/op (%d ops, %.0f ops per CPU second)%n",
                        name,
                        cpu / 1000.0 / operations,
                        operations,
                        operations * 1e9 / cpu);
            }
        }
    }

    /** What the gateway does per RSA signature (chain from its cache, revocation every time). */
    @Benchmark
    public List<VerifiedSigner> signatureVerifier(CpuPerOperation cpu) {
        cpu.operations++;
        return verifier.verify(content, rsaSignature);
    }

    /** BouncyCastle's CMS verification of the one SignerInfo: parse, digest, attributes, RSA. */
    @Benchmark
    public boolean bouncyCastleCms(CpuPerOperation cpu) throws Exception {
        cpu.operations++;
        return signerOf(rsaSignature)
                .verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(rsaHolder));
    }

    /** The raw signature check with the same key and bytes, BouncyCastle provider. */
    @Benchmark
    public boolean rawRsaBouncyCastle(CpuPerOperation cpu) throws Exception {
        cpu.operations++;
        Signature rsa = Signature.getInstance("SHA256withRSA", BC);
        rsa.initVerify(rsaKey);
        rsa.update(rsaSignedAttributes);
        return rsa.verify(rsaSignatureValue);
    }

    /** The same with the JDK's own provider, for reference. */
    @Benchmark
    public boolean rawRsaJdk(CpuPerOperation cpu) throws Exception {
        cpu.operations++;
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(rsaKey);
        rsa.update(rsaSignedAttributes);
        return rsa.verify(rsaSignatureValue);
    }

    /** Per-thread engines, initialised per call as the gateway's are: which provider's RSA is cheaper. */
    @State(Scope.Thread)
    public static class Engines {
        Signature jdk;
        Signature bouncyCastle;

        @Setup
        public void setUp() throws Exception {
            jdk = Signature.getInstance("SHA256withRSA", "SunRsaSign");
            bouncyCastle = Signature.getInstance("SHA256withRSA", BC);
        }
    }

    /** One SHA256withRSA verification with a JDK engine kept per thread (no provider look-up). */
    @Benchmark
    public boolean rawRsaJdkReused(Engines engines, CpuPerOperation cpu) throws Exception {
        cpu.operations++;
        engines.jdk.initVerify(rsaKey);
        engines.jdk.update(rsaSignedAttributes);
        return engines.jdk.verify(rsaSignatureValue);
    }

    /** The same with a BouncyCastle engine kept per thread. */
    @Benchmark
    public boolean rawRsaBouncyCastleReused(Engines engines, CpuPerOperation cpu) throws Exception {
        cpu.operations++;
        engines.bouncyCastle.initVerify(rsaKey);
        engines.bouncyCastle.update(rsaSignedAttributes);
        return engines.bouncyCastle.verify(rsaSignatureValue);
    }

    /** What the gateway does per GOST 34.10-2015 (512) signature. */
    @Benchmark
    public List<VerifiedSigner> gost2015Verifier(CpuPerOperation cpu) {
        cpu.operations++;
        return verifier.verify(content, gostSignature);
    }

    /** One raw GOST 34.10-2015 (512) verification of the same signed attributes with the same key. */
    @Benchmark
    public boolean rawGost2015(CpuPerOperation cpu) {
        cpu.operations++;
        return GostSignatures.verify(gostKey, gostSignedAttributes, gostSignatureValue);
    }
}
