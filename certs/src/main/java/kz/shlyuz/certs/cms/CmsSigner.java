package kz.shlyuz.certs.cms;

import java.io.IOException;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import kz.shlyuz.certs.gost.GostOperators;
import kz.shlyuz.certs.gost.GostPrivateKey;
import kz.shlyuz.certs.identity.NcaOids;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.SignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.util.CollectionStore;

/**
 * Makes DER-encoded CMS SignedData (RFC 5652) as Kalkan and NCALayer do: version 1, one
 * SignerInfo per signer identified by issuer and serial number, signed attributes exactly
 * content-type, message-digest and signing-time, and the certificates of every signer with its
 * issuer chain. RSA keys sign with SHA256withRSA (digest sha256, signature algorithm
 * sha256WithRSAEncryption); GOST keys ({@link GostPrivateKey}) sign in the national encoding
 * under the Kazakh OIDs, with their own hash (GOST R 34.11-94 D-TEST, or Streebog).
 *
 * <p>Thread-safe: holds only the clock, a SecureRandom and an optional {@link TimeStamper}.
 */
public final class CmsSigner {
    private static final String RSA_SIGNATURE = "SHA256withRSA";

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final TimeStamper timeStamper;

    /** @param clock source of the signing-time attribute */
    public CmsSigner(Clock clock) {
        this(clock, null);
    }

    private CmsSigner(Clock clock, TimeStamper timeStamper) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeStamper = timeStamper;
    }

    /**
     * The same signer, but every SignerInfo it makes carries an RFC 3161 time-stamp token over its
     * signature value (unsigned attribute signatureTimeStampToken), as the national CA's TSA gives.
     */
    public CmsSigner withTimeStamps(TimeStamper stamper) {
        return new CmsSigner(clock, Objects.requireNonNull(stamper, "stamper"));
    }

    /** A detached signature over {@code content}: the content is not inside the result. */
    public byte[] signDetached(byte[] content, List<SignerKey> signers) {
        return sign(content, signers, false);
    }

    /** One signer's detached signature. */
    public byte[] signDetached(byte[] content, SignerKey signer) {
        return signDetached(content, List.of(signer));
    }

    /** An attached signature: the content is encapsulated in the result, as NCALayer makes them. */
    public byte[] signAttached(byte[] content, List<SignerKey> signers) {
        return sign(content, signers, true);
    }

    /** One signer's attached signature. */
    public byte[] signAttached(byte[] content, SignerKey signer) {
        return signAttached(content, List.of(signer));
    }

    /**
     * Countersigns in parallel: a new detached SignedData over the same {@code content} that keeps
     * every existing SignerInfo and certificate and adds one SignerInfo per new signer. This is
     * how the gateway adds its signature to an agency's signed answer. The existing signatures are
     * carried over as they are, not verified: verify them first.
     *
     * @param signatureDer an existing SignedData, detached or attached
     * @param content the signed bytes; must equal the encapsulated content when there is one
     */
    public byte[] addSigners(byte[] signatureDer, byte[] content, List<SignerKey> signers) {
        Objects.requireNonNull(signatureDer, "signatureDer");
        Objects.requireNonNull(content, "content");
        requireSigners(signers);
        CMSSignedData existing = parse(signatureDer);
        if (existing.getSignedContent() != null) {
            Object encapsulated = existing.getSignedContent().getContent();
            if (!(encapsulated instanceof byte[] bytes) || !Arrays.equals(bytes, content)) {
                throw new IllegalArgumentException(
                        "content: differs from the content encapsulated in signatureDer (expected: the same bytes)");
            }
        }
        return generate(content, signers, false, existing);
    }

    /**
     * A signature in the shape Kalkan makes by default: the signers' certificates only, without
     * their issuers (a verifier takes the chain from its trust store).
     *
     * @param attached true to encapsulate the content
     */
    public byte[] signWithoutChain(byte[] content, List<SignerKey> signers, boolean attached) {
        Objects.requireNonNull(content, "content");
        requireSigners(signers);
        return generate(content, signers, attached, null, false);
    }

    private byte[] sign(byte[] content, List<SignerKey> signers, boolean encapsulate) {
        Objects.requireNonNull(content, "content");
        requireSigners(signers);
        return generate(content, signers, encapsulate, null);
    }

    /** A SignedData by {@code signers}, keeping the SignerInfos, certificates and CRLs of {@code existing} if given. */
    private byte[] generate(byte[] content, List<SignerKey> signers, boolean encapsulate, CMSSignedData existing) {
        return generate(content, signers, encapsulate, existing, true);
    }

    private byte[] generate(
            byte[] content, List<SignerKey> signers, boolean encapsulate, CMSSignedData existing, boolean withChain) {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            Map<String, X509CertificateHolder> certificates = new LinkedHashMap<>();
            if (existing != null) {
                generator.addSigners(existing.getSignerInfos());
                generator.addCRLs(existing.getCRLs());
                for (X509CertificateHolder holder : existing.getCertificates().getMatches(null)) {
                    certificates.putIfAbsent(key(holder), holder);
                }
            }
            addSignerCertificates(certificates, signers, withChain);
            generator.addCertificates(new CollectionStore<>(certificates.values()));
            for (SignerKey signer : signers) {
                generator.addSignerInfoGenerator(signerInfoGenerator(signer));
            }
            return generator
                    .generate(new CMSProcessableByteArray(content), encapsulate)
                    .getEncoded("DER");
        } catch (CMSException | IOException e) {
            throw new IllegalStateException("cannot sign: " + e.getMessage(), e);
        }
    }

    private SignerInfoGenerator signerInfoGenerator(SignerKey signer) {
        if (signer.privateKey() instanceof GostPrivateKey gost) {
            return gostSignerInfoGenerator(signer, gost);
        }
        String algorithm = signatureAlgorithm(signer);
        try {
            ContentSigner contentSigner = new JcaContentSignerBuilder(algorithm).build(signer.privateKey());
            // Identity finder: signatureAlgorithm stays sha256WithRSAEncryption as Kalkan writes it,
            // where BouncyCastle would put plain rsaEncryption.
            JcaSignerInfoGeneratorBuilder builder = new JcaSignerInfoGeneratorBuilder(
                            new JcaDigestCalculatorProviderBuilder().build(), signatureAlgorithm -> signatureAlgorithm)
                    .setSignedAttributeGenerator(new SignedAttributes());
            if (timeStamper != null) {
                builder.setUnsignedAttributeGenerator(new TimeStampAttribute());
            }
            return builder.build(contentSigner, signer.certificate());
        } catch (OperatorCreationException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot sign with " + signer + ": " + e.getMessage(), e);
        }
    }

    /**
     * GOST: the SignerInfo names the Kazakh digest and signature OIDs (NULL parameters) as Kalkan
     * writes them; BouncyCastle's default finders know none of them.
     */
    private SignerInfoGenerator gostSignerInfoGenerator(SignerKey signer, GostPrivateKey key) {
        try {
            ContentSigner contentSigner = GostOperators.contentSigner(key, random);
            SignerInfoGeneratorBuilder builder = new SignerInfoGeneratorBuilder(
                            GostOperators.digestCalculatorProvider(), signatureAlgorithm -> signatureAlgorithm)
                    .setContentDigest(key.gostAlgorithm().digestAlgorithmIdentifier())
                    .setSignedAttributeGenerator(new SignedAttributes());
            if (timeStamper != null) {
                builder.setUnsignedAttributeGenerator(new TimeStampAttribute());
            }
            return builder.build(contentSigner, holder(signer.certificate()));
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign with " + signer + ": " + e.getMessage(), e);
        }
    }

    private static String signatureAlgorithm(SignerKey signer) {
        String keyAlgorithm = signer.privateKey().getAlgorithm();
        if ("RSA".equalsIgnoreCase(keyAlgorithm)) {
            return RSA_SIGNATURE;
        }
        throw new IllegalArgumentException("signers: key algorithm " + keyAlgorithm + " of " + signer
                + " (expected: RSA or a national-CA GOST key)");
    }

    private static void requireSigners(List<SignerKey> signers) {
        Objects.requireNonNull(signers, "signers");
        if (signers.isEmpty()) {
            throw new IllegalArgumentException("signers: empty (expected: at least one)");
        }
        signers.forEach(s -> Objects.requireNonNull(s, "signers: contains null"));
    }

    private static void addSignerCertificates(
            Map<String, X509CertificateHolder> into, Collection<SignerKey> signers, boolean withChain) {
        for (SignerKey signer : signers) {
            List<X509Certificate> all = new ArrayList<>();
            all.add(signer.certificate());
            if (withChain) {
                all.addAll(signer.chain());
            }
            for (X509Certificate certificate : all) {
                X509CertificateHolder holder = holder(certificate);
                into.putIfAbsent(key(holder), holder);
            }
        }
    }

    private static X509CertificateHolder holder(X509Certificate certificate) {
        try {
            return new X509CertificateHolder(certificate.getEncoded());
        } catch (CertificateEncodingException | IOException e) {
            throw new IllegalArgumentException(
                    "certificate " + certificate.getSubjectX500Principal() + ": " + e.getMessage(), e);
        }
    }

    /** Certificates are de-duplicated by their encoding: signers often share an intermediate. */
    private static String key(X509CertificateHolder holder) {
        try {
            return HexFormat.of().formatHex(holder.getEncoded());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CMSSignedData parse(byte[] der) {
        try {
            return new CMSSignedData(der);
        } catch (CMSException | RuntimeException e) {
            throw new IllegalArgumentException("signatureDer: not a CMS SignedData (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Exactly the three signed attributes Kalkan writes. BouncyCastle's default generator would
     * add CMSAlgorithmProtection too and take the signing time from the system clock.
     */
    private final class SignedAttributes implements CMSAttributeTableGenerator {
        @Override
        public AttributeTable getAttributes(@SuppressWarnings("rawtypes") Map parameters) {
            ASN1ObjectIdentifier contentType = (ASN1ObjectIdentifier) parameters.get(CONTENT_TYPE);
            byte[] digest = (byte[]) parameters.get(DIGEST);
            // UTCTime/GeneralizedTime carry whole seconds; Time picks UTCTime for 1950–2049 as RFC 5652 requires.
            Date signingTime = Date.from(clock.instant().truncatedTo(ChronoUnit.SECONDS));
            ASN1EncodableVector attributes = new ASN1EncodableVector();
            attributes.add(new Attribute(CMSAttributes.contentType, new DERSet(contentType)));
            attributes.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(signingTime))));
            attributes.add(new Attribute(CMSAttributes.messageDigest, new DERSet(new DEROctetString(digest))));
            return new AttributeTable(attributes);
        }
    }

    /** The unsigned attribute signatureTimeStampToken over the SignerInfo's signature value. */
    private final class TimeStampAttribute implements CMSAttributeTableGenerator {
        @Override
        public AttributeTable getAttributes(@SuppressWarnings("rawtypes") Map parameters) {
            byte[] signature = (byte[]) parameters.get(SIGNATURE);
            org.bouncycastle.asn1.cms.ContentInfo token =
                    org.bouncycastle.asn1.cms.ContentInfo.getInstance(timeStamper.timeStampToken(signature));
            return new AttributeTable(new Attribute(NcaOids.SIGNATURE_TIME_STAMP_TOKEN, new DERSet(token)));
        }
    }
}
