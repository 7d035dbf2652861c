package kz.shlyuz.certs.tsa;

import java.io.IOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import kz.shlyuz.certs.cms.SignerKey;
import kz.shlyuz.certs.cms.TimeStamper;
import kz.shlyuz.certs.gost.GostAlgorithm;
import kz.shlyuz.certs.gost.GostOperators;
import kz.shlyuz.certs.gost.GostPrivateKey;
import kz.shlyuz.certs.identity.NcaOids;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.SignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * Issues RFC 3161 time-stamp tokens signed by its key (RSA, or GOST in the national encoding),
 * under the national CA's TSA policy for that algorithm, with the time of its clock. Accepts
 * SHA-256 message imprints. Thread-safe.
 */
public final class TimeStampAuthority implements TimeStamper {
    private final SignerKey key;
    private final ASN1ObjectIdentifier policy;
    private final Clock clock;
    private final TimeStampTokenGenerator tokens;
    private final Set<String> acceptedDigests = new HashSet<>();
    private final AtomicLong serial = new AtomicLong(System.currentTimeMillis());
    /**
     * Message imprints are SHA-256: BouncyCastle's RFC 3161 request validation knows no digest
     * length for the Kazakh GOST digest OIDs. The token itself is signed with the TSA's own
     * algorithm (GOST in the national encoding for a GOST TSA).
     */
    private final AlgorithmIdentifier imprintAlgorithm = new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256);

    public TimeStampAuthority(SignerKey key, Clock clock) {
        this.key = Objects.requireNonNull(key, "key");
        this.clock = Objects.requireNonNull(clock, "clock");
        try {
            SignerInfoGenerator signer;
            DigestCalculator certIdDigest = new JcaDigestCalculatorProviderBuilder()
                    .build()
                    .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256));
            if (key.privateKey() instanceof GostPrivateKey gost) {
                GostAlgorithm algorithm = gost.gostAlgorithm();
                policy = switch (algorithm) {
                    case GOST2004 -> NcaOids.TSA_POLICY_GOST2004;
                    case GOST2015_512 -> NcaOids.TSA_POLICY_GOST2015_512;
                    case GOST2015_256 ->
                        throw new IllegalArgumentException(
                                "key: GOST2015-256 (the national CA publishes no TSA policy for it)");
                };
                signer = new SignerInfoGeneratorBuilder(GostOperators.digestCalculatorProvider(), a -> a)
                        .setContentDigest(algorithm.digestAlgorithmIdentifier())
                        .build(
                                GostOperators.contentSigner(gost, new SecureRandom()),
                                new X509CertificateHolder(key.certificate().getEncoded()));
            } else {
                policy = NcaOids.TSA_POLICY_RSA_SHA256;
                signer = new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                        .build(new JcaContentSignerBuilder("SHA256withRSA").build(key.privateKey()), key.certificate());
            }
            tokens = new TimeStampTokenGenerator(signer, certIdDigest, policy);
            List<X509Certificate> certificates = new ArrayList<>();
            certificates.add(key.certificate());
            certificates.addAll(key.chain());
            tokens.addCertificates(new JcaCertStore(certificates));
        } catch (Exception e) {
            throw new IllegalStateException("cannot set up the TSA with " + key + ": " + e.getMessage(), e);
        }
        acceptedDigests.add(NISTObjectIdentifiers.id_sha256.getId());
    }

    /** The TSA policy its tokens carry. */
    public ASN1ObjectIdentifier policy() {
        return policy;
    }

    /** The TSA's certificate. */
    public X509Certificate certificate() {
        return key.certificate();
    }

    /**
     * Answers a DER TimeStampReq with a DER TimeStampResp: granted, or rejected with the reason
     * (bad algorithm, bad request) as RFC 3161 says.
     */
    public byte[] respond(byte[] requestDer) {
        try {
            TimeStampRequest request;
            try {
                request = new TimeStampRequest(requestDer);
            } catch (IOException | RuntimeException e) {
                return new TimeStampResponseGenerator(tokens, acceptedDigests)
                        .generateFailResponse(
                                org.bouncycastle.asn1.cmp.PKIStatus.REJECTION,
                                org.bouncycastle.asn1.cmp.PKIFailureInfo.badDataFormat,
                                "not a TimeStampReq")
                        .getEncoded();
            }
            synchronized (tokens) {
                TimeStampResponse response = new TimeStampResponseGenerator(tokens, acceptedDigests)
                        .generate(request, BigInteger.valueOf(serial.incrementAndGet()), Date.from(clock.instant()));
                return response.getEncoded();
            }
        } catch (TSPException | IOException e) {
            throw new IllegalStateException("TSA cannot answer: " + e.getMessage(), e);
        }
    }

    /** A token over a SignerInfo's signature value, hashed with SHA-256. */
    @Override
    public byte[] timeStampToken(byte[] signatureValue) {
        byte[] imprint = imprint(signatureValue);
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        byte[] nonce = new byte[8];
        new SecureRandom().nextBytes(nonce);
        TimeStampRequest request =
                generator.generate(imprintAlgorithm.getAlgorithm(), imprint, new BigInteger(1, nonce));
        try {
            TimeStampResponse response = new TimeStampResponse(respond(request.getEncoded()));
            response.validate(request);
            return response.getTimeStampToken().getEncoded();
        } catch (TSPException | IOException e) {
            throw new IllegalStateException("TSA refused its own request: " + e.getMessage(), e);
        }
    }

    private static byte[] imprint(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "TimeStampAuthority["
                + key.certificate().getSubjectX500Principal().getName() + ", policy " + policy + "]";
    }
}
