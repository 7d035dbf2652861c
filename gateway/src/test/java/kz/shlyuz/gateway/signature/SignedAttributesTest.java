package kz.shlyuz.gateway.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import kz.shlyuz.certs.cms.CmsSigner;
import kz.shlyuz.certs.cms.SignerKey;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.certs.pki.DevPki;
import kz.shlyuz.gateway.TestPki;
import kz.shlyuz.gateway.status.Reason;
import kz.shlyuz.gateway.status.Refusal;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DLSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerIdentifier;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSSignedDataStreamGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;

/**
 * Each defect of a SignerInfo is refused with its own reason, whichever way the verifier reads
 * the CMS. The signatures here are put together field by field (SignedData, SignerInfo, signed
 * attributes) and signed with the citizen's real key, so that exactly one thing is wrong: a
 * message-digest attribute over other bytes with a signature that itself holds, a signed
 * attribute changed after signing, a missing attribute, a SID naming a certificate the CMS does
 * not carry. A hand-built signature with nothing wrong is accepted, so a refusal below is the
 * defect's, not the builder's.
 */
class SignedAttributesTest {
    private static final byte[] CONTENT =
            "{\"iin\":\"900314300123\",\"service\":\"TEMPORARY_ID\"}".getBytes(StandardCharsets.UTF_8);
    private static final AlgorithmIdentifier SHA256 = new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256);
    private static final AlgorithmIdentifier RSA =
            new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE);

    private final DevPki pki = TestPki.get();
    private final Clock clock = Clock.systemUTC();
    private final SignatureVerifier verifier = new SignatureVerifier(TestPki.trust(), clock, Duration.ofMinutes(5));
    private final SignerKey citizen = pki.signerKey(Persona.CLEAN.key());

    @Test
    void handBuiltSignatureWithEveryAttributeIsAccepted() throws Exception {
        List<VerifiedSigner> signers = verifier.verify(CONTENT, cms(attributes(), SignedAttributesTest::asIs));
        assertEquals(1, signers.size());
        assertEquals(citizen.certificate(), signers.get(0).certificate());
        assertEquals("RSA-2048 / SHA-256", signers.get(0).algorithm());
    }

    @Test
    void signingTimeAsGeneralizedTimeWithFractionIsReadToTheMillisecond() throws Exception {
        Instant at = Instant.now().minusSeconds(30).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        List<Attribute> attributes = attributes();
        attributes.set(
                2,
                new Attribute(
                        CMSAttributes.signingTime,
                        new DERSet(new ASN1GeneralizedTime(
                                java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss.SSS'Z'")
                                        .withZone(java.time.ZoneOffset.UTC)
                                        .format(at)))));
        List<VerifiedSigner> signers = verifier.verify(CONTENT, cms(attributes, SignedAttributesTest::asIs));
        assertEquals(at, signers.get(0).signingTime());
    }

    @Test
    void signingTimeAsUtcTimeIsReadToTheSecond() throws Exception {
        Instant at = Instant.now().minusSeconds(30).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        List<Attribute> attributes = attributes();
        attributes.set(
                2,
                new Attribute(
                        CMSAttributes.signingTime, new DERSet(new ASN1UTCTime(Date.from(at), java.util.Locale.ROOT))));
        assertEquals(
                at,
                verifier.verify(CONTENT, cms(attributes, SignedAttributesTest::asIs))
                        .get(0)
                        .signingTime());
    }

    @Test
    void signedAttributeChangedAfterSigningIsRefusedAsSignatureInvalid() throws Exception {
        byte[] signed = cms(attributes(), info -> {
            List<Attribute> changed = attributes();
            changed.set(2, signingTime(Instant.now().minusSeconds(60)));
            return new SignerInfo(
                    info.getSID(),
                    info.getDigestAlgorithm(),
                    new DERSet(changed.toArray(new Attribute[0])),
                    info.getDigestEncryptionAlgorithm(),
                    info.getEncryptedDigest(),
                    null);
        });
        assertRefused(Reason.SIGNATURE_INVALID, signed);
    }

    @Test
    void messageDigestOfOtherBytesIsRefusedThoughTheSignatureOverTheAttributesHolds() throws Exception {
        List<Attribute> attributes = attributes();
        attributes.set(
                1,
                new Attribute(
                        CMSAttributes.messageDigest,
                        new DERSet(new DEROctetString(sha256("other bytes".getBytes(StandardCharsets.UTF_8))))));
        assertRefused(Reason.SIGNATURE_INVALID, cms(attributes, SignedAttributesTest::asIs));
    }

    @Test
    void signatureValueWithOneBitFlippedIsRefusedAsSignatureInvalid() throws Exception {
        byte[] signed = cms(attributes(), info -> {
            byte[] value = info.getEncryptedDigest().getOctets();
            value[value.length / 2] ^= 0x10;
            return new SignerInfo(
                    info.getSID(),
                    info.getDigestAlgorithm(),
                    info.getAuthenticatedAttributes(),
                    info.getDigestEncryptionAlgorithm(),
                    new DEROctetString(value),
                    null);
        });
        assertRefused(Reason.SIGNATURE_INVALID, signed);
    }

    @Test
    void signatureWithoutSigningTimeIsRefusedAsAttributeMissing() throws Exception {
        List<Attribute> attributes = attributes();
        attributes.remove(2);
        assertRefused(Reason.SIGNED_ATTRIBUTES_MISSING, cms(attributes, SignedAttributesTest::asIs));
    }

    @Test
    void signatureWithoutContentTypeIsRefusedAsAttributeMissing() throws Exception {
        List<Attribute> attributes = attributes();
        attributes.remove(0);
        assertRefused(Reason.SIGNED_ATTRIBUTES_MISSING, cms(attributes, SignedAttributesTest::asIs));
    }

    @Test
    void signatureWithoutMessageDigestIsRefusedAsAttributeMissing() throws Exception {
        List<Attribute> attributes = attributes();
        attributes.remove(1);
        assertRefused(Reason.SIGNED_ATTRIBUTES_MISSING, cms(attributes, SignedAttributesTest::asIs));
    }

    @Test
    void signatureWithoutSignedAttributesIsRefusedAsAttributesMissing() throws Exception {
        byte[] overContent = rsa(CONTENT);
        byte[] signed = cms(
                attributes(),
                info -> new SignerInfo(
                        info.getSID(),
                        info.getDigestAlgorithm(),
                        (ASN1Set) null,
                        info.getDigestEncryptionAlgorithm(),
                        new DEROctetString(overContent),
                        null));
        assertRefused(Reason.SIGNED_ATTRIBUTES_MISSING, signed);
    }

    @Test
    void contentTypeAttributeOtherThanTheEncapsulatedTypeIsRefused() throws Exception {
        List<Attribute> attributes = attributes();
        attributes.set(0, new Attribute(CMSAttributes.contentType, new DERSet(CMSObjectIdentifiers.signedData)));
        assertRefused(Reason.SIGNATURE_INVALID, cms(attributes, SignedAttributesTest::asIs));
    }

    @Test
    void twoSigningTimesAreRefused() throws Exception {
        List<Attribute> attributes = attributes();
        attributes.add(signingTime(Instant.now().minusSeconds(10)));
        assertRefused(Reason.SIGNATURE_INVALID, cms(attributes, SignedAttributesTest::asIs));
    }

    @Test
    void signingTimeRepeatedAsAnUnsignedAttributeIsRefused() throws Exception {
        byte[] signed = cms(
                attributes(),
                info -> new SignerInfo(
                        info.getSID(),
                        info.getDigestAlgorithm(),
                        info.getAuthenticatedAttributes(),
                        info.getDigestEncryptionAlgorithm(),
                        info.getEncryptedDigest(),
                        new DERSet(signingTime(Instant.now()))));
        assertRefused(Reason.SIGNATURE_INVALID, signed);
    }

    @Test
    void signedAttributesSignedInAnOrderOtherThanDerAreRefused() throws Exception {
        // RFC 5652 signs the DER encoding of the attribute set, whose elements are sorted; a
        // signature over the same attributes in another order is not a signature over the DER.
        List<Attribute> attributes = attributes();
        ASN1Encodable[] reversed = attributes.toArray(new ASN1Encodable[0]);
        java.util.Collections.reverse(Arrays.asList(reversed));
        DLSet unsorted = new DLSet(reversed);
        byte[] signature = rsa(unsorted.getEncoded(ASN1Encoding.DL));
        byte[] signed = cms(
                attributes,
                info -> new SignerInfo(
                        info.getSID(),
                        info.getDigestAlgorithm(),
                        unsorted,
                        info.getDigestEncryptionAlgorithm(),
                        new DEROctetString(signature),
                        null));
        assertRefused(Reason.SIGNATURE_INVALID, signed);
    }

    @Test
    void signerIdentifierNamingACertificateTheCmsDoesNotCarryIsRefused() throws Exception {
        SignerKey other = pki.signerKey(Persona.TAX_DEBTOR.key());
        byte[] signed = cms(
                attributes(),
                SignedAttributesTest::asIs,
                List.of(other.certificate().getEncoded()));
        assertRefused(Reason.SIGNER_CERT_MISSING, signed);
    }

    @Test
    void signerIdentifierWithAnotherSerialOfTheSameIssuerIsRefused() throws Exception {
        byte[] signed = cms(attributes(), info -> {
            IssuerAndSerialNumber sid =
                    IssuerAndSerialNumber.getInstance(info.getSID().getId());
            IssuerAndSerialNumber wrong = new IssuerAndSerialNumber(
                    sid.getName(), sid.getSerialNumber().getValue().add(java.math.BigInteger.ONE));
            return new SignerInfo(
                    new SignerIdentifier(wrong),
                    info.getDigestAlgorithm(),
                    info.getAuthenticatedAttributes(),
                    info.getDigestEncryptionAlgorithm(),
                    info.getEncryptedDigest(),
                    null);
        });
        assertRefused(Reason.SIGNER_CERT_MISSING, signed);
    }

    @Test
    void sha1DigestIsRefusedAsAlgorithmUnsupported() throws Exception {
        byte[] signed = cms(
                attributes(),
                info -> new SignerInfo(
                        info.getSID(),
                        new AlgorithmIdentifier(OIWObjectIdentifiers.idSHA1),
                        info.getAuthenticatedAttributes(),
                        info.getDigestEncryptionAlgorithm(),
                        info.getEncryptedDigest(),
                        null));
        assertRefused(Reason.ALGORITHM_UNSUPPORTED, signed);
    }

    @Test
    void truncatedCmsIsRefusedAsMalformed() throws Exception {
        byte[] signed = cms(attributes(), SignedAttributesTest::asIs);
        assertRefused(Reason.SIGNATURE_MALFORMED, Arrays.copyOf(signed, signed.length - 40));
    }

    @Test
    void indefiniteLengthBerFromAStreamingSignerIsAcceptedAsDerIs() throws Exception {
        CMSSignedDataStreamGenerator generator = new CMSSignedDataStreamGenerator();
        generator.addSignerInfoGenerator(
                new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                        .build(
                                new JcaContentSignerBuilder("SHA256withRSA").build(citizen.privateKey()),
                                citizen.certificate()));
        generator.addCertificates(new JcaCertStore(List.of(citizen.certificate())));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var stream = generator.open(out, true)) {
            stream.write(CONTENT);
        }
        byte[] ber = out.toByteArray();
        assertEquals(0x80, ber[1] & 0xff, "the streaming generator writes indefinite lengths");
        assertEquals(1, verifier.verify(CONTENT, ber).size());
        assertEquals(
                1, verifier.verify(CONTENT, Base64.getMimeEncoder().encode(ber)).size());
        assertEquals(
                new String(CONTENT, StandardCharsets.UTF_8),
                verifier.verifyAttached(ber).content().toString(StandardCharsets.UTF_8));
        assertRefused(Reason.SIGNATURE_INVALID, "other".getBytes(StandardCharsets.UTF_8), ber);
    }

    @Test
    void refusalsAreTheSameForAKnownSignerAfterAcceptedSignatures() throws Exception {
        // The second time round the certificate, its key and its chain come from the caches.
        byte[] good = new CmsSigner(clock).signDetached(CONTENT, List.of(citizen));
        verifier.verify(CONTENT, good);
        verifier.verify(CONTENT, good);
        List<Attribute> attributes = attributes();
        attributes.set(
                1,
                new Attribute(
                        CMSAttributes.messageDigest,
                        new DERSet(new DEROctetString(sha256("x".getBytes(StandardCharsets.UTF_8))))));
        assertRefused(Reason.SIGNATURE_INVALID, cms(attributes, SignedAttributesTest::asIs));
        attributes = attributes();
        attributes.remove(2);
        assertRefused(Reason.SIGNED_ATTRIBUTES_MISSING, cms(attributes, SignedAttributesTest::asIs));
        assertRefused(Reason.SIGNATURE_INVALID, "other".getBytes(StandardCharsets.UTF_8), good);
    }

    private void assertRefused(Reason reason, byte[] signature) {
        assertRefused(reason, CONTENT, signature);
    }

    private void assertRefused(Reason reason, byte[] content, byte[] signature) {
        Refusal refusal = assertThrows(Refusal.class, () -> verifier.verify(content, signature));
        assertEquals(reason, refusal.reason(), refusal.detail());
    }

    private static SignerInfo asIs(SignerInfo info) {
        return info;
    }

    /** content-type data, message-digest of CONTENT, signing-time now: in that order (0, 1, 2). */
    private static List<Attribute> attributes() {
        List<Attribute> attributes = new ArrayList<>();
        attributes.add(new Attribute(CMSAttributes.contentType, new DERSet(CMSObjectIdentifiers.data)));
        attributes.add(new Attribute(CMSAttributes.messageDigest, new DERSet(new DEROctetString(sha256(CONTENT)))));
        attributes.add(signingTime(Instant.now()));
        return attributes;
    }

    private static Attribute signingTime(Instant at) {
        return new Attribute(CMSAttributes.signingTime, new DERSet(new org.bouncycastle.asn1.cms.Time(Date.from(at))));
    }

    private byte[] cms(List<Attribute> attributes, UnaryOperator<SignerInfo> tamper) throws Exception {
        return cms(attributes, tamper, List.of(citizen.certificate().getEncoded()));
    }

    /**
     * A detached SignedData by the citizen over CONTENT: {@code attributes} as the signed
     * attributes (DER), signed with the citizen's key, then {@code tamper} applied to the SignerInfo.
     */
    private byte[] cms(List<Attribute> attributes, UnaryOperator<SignerInfo> tamper, List<byte[]> certificates)
            throws Exception {
        DERSet signedAttributes = new DERSet(attributes.toArray(new Attribute[0]));
        byte[] value = rsa(signedAttributes.getEncoded(ASN1Encoding.DER));
        Certificate own = Certificate.getInstance(citizen.certificate().getEncoded());
        SignerInfo info = new SignerInfo(
                new SignerIdentifier(new IssuerAndSerialNumber(own)),
                SHA256,
                signedAttributes,
                RSA,
                new DEROctetString(value),
                null);
        ASN1EncodableVector certs = new ASN1EncodableVector();
        for (byte[] der : certificates) {
            certs.add(Certificate.getInstance(der));
        }
        SignedData data = new SignedData(
                new DERSet(SHA256),
                new ContentInfo(CMSObjectIdentifiers.data, null),
                new DERSet(certs),
                null,
                new DERSet(tamper.apply(info)));
        return new ContentInfo(CMSObjectIdentifiers.signedData, data).getEncoded(ASN1Encoding.DER);
    }

    private byte[] rsa(byte[] data) throws Exception {
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(citizen.privateKey());
        rsa.update(data);
        return rsa.sign();
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
