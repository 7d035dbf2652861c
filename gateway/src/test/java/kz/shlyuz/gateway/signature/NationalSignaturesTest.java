package kz.shlyuz.gateway.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import kz.shlyuz.certs.cms.CmsSigner;
import kz.shlyuz.certs.cms.SignerKey;
import kz.shlyuz.certs.gost.GostKeys;
import kz.shlyuz.certs.identity.HolderRole;
import kz.shlyuz.certs.testing.NcaTestMaterial;
import kz.shlyuz.gateway.status.Reason;
import kz.shlyuz.gateway.status.Refusal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;

/**
 * The national CA's published test material (../shared/nca-test) through the gateway's verifier:
 * Kalkan's own signatures, every test certificate at its time, and signatures we make with the
 * national test keys, in every format NCALayer and Kalkan hand over.
 */
class NationalSignaturesTest {
    private static final VerificationPolicy ARCHIVE =
            new VerificationPolicy(null, VerificationPolicy.RevocationMode.SOFT_FAIL).withOcsp(null);

    private static SignatureVerifier archiveVerifier() {
        TrustDirectory trust = new TrustDirectory(
                List.of(NcaTestMaterial.file("ca")), List.of(), Clock.systemUTC(), Duration.ofSeconds(1));
        return new SignatureVerifier(trust, Clock.systemUTC(), ARCHIVE);
    }

    @Test
    void verifiesKalkanGost2004AttachedBase64SignatureOfALegalEntityFirstHead() {
        SignatureVerifier.Attached verified =
                archiveVerifier().verifyAttached(NcaTestMaterial.bytes("cms/kalkan_legal_gost2004.cms"));
        assertEquals("asdasd", verified.content().toString(StandardCharsets.UTF_8));
        VerifiedSigner signer = verified.signers().get(0);
        assertEquals(HolderRole.LEGAL_FIRST_HEAD, signer.holder().role());
        assertEquals("123456789011", signer.holder().iin());
        assertEquals("123456789021", signer.holder().bin());
        assertTrue(signer.holder().organisation() != null
                && !signer.holder().organisation().isBlank());
        assertEquals("GOST2004 / GOST3411-94", signer.algorithm());
        assertEquals(3, signer.chain().size(), "signer, ҰКО 3.0 (GOST TEST) from the trust folder, root");
        assertEquals(Instant.parse("2020-09-09T20:03:14Z"), signer.signingTime());
    }

    @Test
    void verifiesKalkanRsaAttachedBase64SignatureOfAnIndividual() {
        SignatureVerifier.Attached verified =
                archiveVerifier().verifyAttached(NcaTestMaterial.bytes("cms/kalkan_individual_rsa.cms"));
        assertEquals("asdasd", verified.content().toString(StandardCharsets.UTF_8));
        VerifiedSigner signer = verified.signers().get(0);
        assertEquals(HolderRole.INDIVIDUAL, signer.holder().role());
        assertEquals("123456789011", signer.holder().iin());
        assertTrue(signer.algorithm().startsWith("RSA-"), signer.algorithm());
        assertEquals(3, signer.chain().size());
    }

    @Test
    void verifiesKalkanSignatureAsDerAndAsDetachedOverTheSameContent() {
        byte[] der = Base64.getMimeDecoder().decode(NcaTestMaterial.bytes("cms/kalkan_legal_gost2004.cms"));
        SignatureVerifier verifier = archiveVerifier();
        assertEquals(1, verifier.verifyAttached(der).signers().size());
        assertEquals(
                1,
                verifier.verify("asdasd".getBytes(StandardCharsets.UTF_8), der).size());
    }

    @Test
    void refusesKalkanSignatureWhenTheGivenContentDiffersFromTheEncapsulatedOne() {
        Refusal refusal = assertThrows(
                Refusal.class,
                () -> archiveVerifier()
                        .verify(
                                "asdasD".getBytes(StandardCharsets.UTF_8),
                                NcaTestMaterial.bytes("cms/kalkan_legal_gost2004.cms")));
        assertEquals(Reason.SIGNATURE_INVALID, refusal.reason());
    }

    @Test
    void refusesKalkanSignatureWithOneFlippedSignatureBit() {
        byte[] der = Base64.getMimeDecoder().decode(NcaTestMaterial.bytes("cms/kalkan_legal_gost2004.cms"));
        der[der.length - 3] ^= 0x01; // inside the 64-byte GOST signature value at the end
        Refusal refusal = assertThrows(Refusal.class, () -> archiveVerifier().verifyAttached(der));
        assertEquals(Reason.SIGNATURE_INVALID, refusal.reason());
    }

    @Test
    void refusesKalkanSignatureAtTheGatewayBecauseItsSigningTimeIsLongPast() {
        TrustDirectory trust = new TrustDirectory(
                List.of(NcaTestMaterial.file("ca")), List.of(), Clock.systemUTC(), Duration.ofSeconds(1));
        SignatureVerifier online = new SignatureVerifier(
                trust,
                Clock.systemUTC(),
                VerificationPolicy.online(Duration.ofMinutes(5)).withOcsp(null));
        Refusal refusal = assertThrows(
                Refusal.class, () -> online.verifyAttached(NcaTestMaterial.bytes("cms/kalkan_legal_gost2004.cms")));
        assertEquals(Reason.MESSAGE_STALE, refusal.reason());
    }

    @Test
    void refusesKalkanSignatureWithoutTheNationalRootsInTrust() {
        SignatureVerifier devOnly =
                new SignatureVerifier(kz.shlyuz.gateway.TestPki.trust(), Clock.systemUTC(), ARCHIVE);
        Refusal refusal = assertThrows(
                Refusal.class, () -> devOnly.verifyAttached(NcaTestMaterial.bytes("cms/kalkan_legal_gost2004.cms")));
        assertEquals(Reason.CERT_UNTRUSTED, refusal.reason());
    }

    /** Every signing key the national CA published signs with our CmsSigner at a time its certificate was valid. */
    @Test
    void everyNationalTestSigningKeySignsVerifiablyAtItsTimeWithoutItsChainInTheCms() throws Exception {
        record Key(String p12, String password, HolderRole role, String algorithm) {}
        List<Key> keys = List.of(
                new Key("keys/individual_sign_rsa.p12", "Qwerty12", HolderRole.INDIVIDUAL, "RSA-2048 / SHA-256"),
                new Key(
                        "keys/legal_first_head_sign_gost2004.p12",
                        "Qwerty12",
                        HolderRole.LEGAL_FIRST_HEAD,
                        "GOST2004 / GOST3411-94"),
                new Key(
                        "keys/legal_employee_sign_gost2004.p12",
                        "Qwerty12",
                        HolderRole.LEGAL_EMPLOYEE,
                        "GOST2004 / GOST3411-94"),
                new Key(
                        "keys/individual_gost2015_512.p12",
                        "Aa123456",
                        HolderRole.INDIVIDUAL,
                        "GOST2015-512 / Streebog-512"),
                new Key(
                        "keys/individual_sign_gost2015_512.p12",
                        "Qwerty12",
                        HolderRole.INDIVIDUAL,
                        "GOST2015-512 / Streebog-512"),
                new Key(
                        "keys/legal_signing_right_gost2015_512.p12",
                        "Qwerty12",
                        HolderRole.LEGAL_SIGNING_RIGHT,
                        "GOST2015-512 / Streebog-512"));
        SignatureVerifier verifier = archiveVerifier();
        for (Key key : keys) {
            NcaTestMaterial.P12 p12 = NcaTestMaterial.p12(key.p12(), key.password());
            X509Certificate certificate = leaf(p12);
            Instant during = certificate.getNotBefore().toInstant().plus(Duration.ofDays(30));
            CmsSigner signer = new CmsSigner(Clock.fixed(during, ZoneOffset.UTC));
            byte[] content = ("Shlyuz " + key.p12()).getBytes(StandardCharsets.UTF_8);
            byte[] cms = signer.signWithoutChain(content, List.of(new SignerKey(privateKey(p12), certificate)), true);
            VerifiedSigner verified = verifier.verifyAttached(cms).signers().get(0);
            assertEquals(key.role(), verified.holder().role(), key.p12());
            assertEquals(key.algorithm(), verified.algorithm(), key.p12());
            assertEquals(3, verified.chain().size(), key.p12());
            assertEquals(during, verified.signingTime());
            // The same signature detached, as base64 text.
            byte[] detached =
                    signer.signWithoutChain(content, List.of(new SignerKey(privateKey(p12), certificate)), false);
            assertEquals(
                    1,
                    verifier.verify(content, Base64.getMimeEncoder().encode(detached))
                            .size(),
                    key.p12());
        }
    }

    @Test
    void refusesTheNationalAuthenticationCertificateAsASignatureCertificate() throws Exception {
        X509Certificate auth = NcaTestMaterial.certificate("keys/individual_auth_rsa.cer");
        // A CMS that names the authentication certificate as its signer (its key is not published:
        // the certificate's purpose is judged before the signature value).
        var keys = KeyPairGenerator.getInstance("RSA");
        keys.initialize(2048);
        PrivateKey other = keys.generateKeyPair().getPrivate();
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(
                new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                        .build(new JcaContentSignerBuilder("SHA256withRSA").build(other), auth));
        generator.addCertificates(new JcaCertStore(List.of(auth)));
        byte[] cms = generator
                .generate(new CMSProcessableByteArray("asdasd".getBytes(StandardCharsets.UTF_8)), true)
                .getEncoded();
        Refusal refusal = assertThrows(Refusal.class, () -> archiveVerifier().verifyAttached(cms));
        assertEquals(Reason.CERT_NOT_FOR_SIGNING, refusal.reason());
    }

    @Test
    void inspectReportsEachParallelSignerSeparately() throws Exception {
        NcaTestMaterial.P12 gost = NcaTestMaterial.p12("keys/legal_first_head_sign_gost2004.p12", "Qwerty12");
        NcaTestMaterial.P12 employee = NcaTestMaterial.p12("keys/legal_employee_sign_gost2004.p12", "Qwerty12");
        X509Certificate head = leaf(gost);
        X509Certificate worker = leaf(employee);
        Instant during = later(head.getNotBefore(), worker.getNotBefore()).plus(Duration.ofDays(30));
        CmsSigner signer = new CmsSigner(Clock.fixed(during, ZoneOffset.UTC));
        byte[] content = "two signers".getBytes(StandardCharsets.UTF_8);
        byte[] cms = signer.signDetached(
                content, List.of(new SignerKey(privateKey(gost), head), new SignerKey(privateKey(employee), worker)));
        List<VerifiedSigner> both = archiveVerifier().verify(content, cms);
        assertEquals(
                List.of(HolderRole.LEGAL_FIRST_HEAD, HolderRole.LEGAL_EMPLOYEE),
                both.stream().map(s -> s.holder().role()).toList());
        List<SignatureVerifier.SignerOutcome> outcomes = archiveVerifier().inspect(content, cms);
        assertEquals(2, outcomes.size());
        assertTrue(outcomes.stream().allMatch(o -> o.signer() != null));
    }

    private static Instant later(java.util.Date a, java.util.Date b) {
        Instant first = a.toInstant();
        Instant second = b.toInstant();
        return first.isAfter(second) ? first : second;
    }

    static PrivateKey privateKey(NcaTestMaterial.P12 p12) throws Exception {
        if (GostKeysAccess.isGost(p12)) {
            return GostKeys.privateKey(p12.key());
        }
        return new org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter().getPrivateKey(p12.key());
    }

    static X509Certificate leaf(NcaTestMaterial.P12 p12) throws Exception {
        for (X509CertificateHolder holder : p12.certificates()) {
            BasicConstraints constraints =
                    holder.getExtensions() == null ? null : BasicConstraints.fromExtensions(holder.getExtensions());
            if (constraints == null || !constraints.isCA()) {
                return new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(holder);
            }
        }
        throw new IllegalStateException("no end-entity certificate");
    }

    /** Which key bag holds a GOST key. */
    private static final class GostKeysAccess {
        static boolean isGost(NcaTestMaterial.P12 p12) {
            return kz.shlyuz.certs.gost.GostAlgorithm.ofKey(
                            p12.key().getPrivateKeyAlgorithm().getAlgorithm())
                    .isPresent();
        }
    }
}
