package kz.shlyuz.bench.micro;

import java.security.Provider;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kz.shlyuz.certs.cms.CmsSigner;
import kz.shlyuz.certs.cms.SignerKey;
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
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The citizen's RSA-2048 CMS signature over a request's content bytes, verified three ways with
 * the same key: the gateway's whole {@link SignatureVerifier} (CMS parse, attributes, signature,
 * certificate role, chain and CRL), BouncyCastle's SignerInformation.verify alone (CMS math, no
 * chain), and one raw SHA256withRSA verification of the signed attributes (the floor).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CmsVerifyBenchmark {
    private static final Provider BC = new BouncyCastleProvider();

    private byte[] content;
    private byte[] signature;
    private SignatureVerifier verifier;
    private byte[] signedAttributes;
    private byte[] signatureValue;
    private SignerKey citizen;
    private X509CertificateHolder holder;

    @Setup
    public void setUp() throws Exception {
        DevPki pki = BenchPki.get();
        Clock clock = Clock.systemUTC();
        citizen = pki.signerKey(Persona.CLEAN.key());
        content = new byte[300];
        new java.util.Random(1).nextBytes(content);
        signature = new CmsSigner(clock).signDetached(content, List.of(citizen));
        verifier = new SignatureVerifier(BenchPki.trust(pki), clock, Duration.ofMinutes(30));
        SignerInformation signer = new CMSSignedData(new CMSProcessableByteArray(content), signature)
                .getSignerInfos().getSigners().iterator().next();
        signedAttributes = signer.getEncodedSignedAttributes();
        signatureValue = signer.getSignature();
        holder = new X509CertificateHolder(citizen.certificate().getEncoded());
    }

    /** What the gateway does per signature (with whatever chain caching it has). */
    @Benchmark
    public List<VerifiedSigner> signatureVerifier() {
        return verifier.verify(content, signature);
    }

    /** BouncyCastle's CMS verification of the one SignerInfo: parse, digest, attributes, RSA. */
    @Benchmark
    public boolean bouncyCastleCms() throws Exception {
        SignerInformation signer = new CMSSignedData(new CMSProcessableByteArray(content), signature)
                .getSignerInfos().getSigners().iterator().next();
        return signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(holder));
    }

    /** The raw signature check with the same key and bytes, BouncyCastle provider. */
    @Benchmark
    public boolean rawRsaBouncyCastle() throws Exception {
        Signature rsa = Signature.getInstance("SHA256withRSA", BC);
        rsa.initVerify(citizen.certificate().getPublicKey());
        rsa.update(signedAttributes);
        return rsa.verify(signatureValue);
    }

    /** The same with the JDK's own provider, for reference. */
    @Benchmark
    public boolean rawRsaJdk() throws Exception {
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(citizen.certificate().getPublicKey());
        rsa.update(signedAttributes);
        return rsa.verify(signatureValue);
    }
}
