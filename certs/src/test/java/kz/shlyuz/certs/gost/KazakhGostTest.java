package kz.shlyuz.certs.gost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import java.util.Set;
import kz.shlyuz.certs.testing.NcaTestMaterial;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The national encoding proved on the national CA's own certificates, keys and Kalkan signatures. */
class KazakhGostTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @BeforeAll
    static void install() {
        GostProvider.install();
    }

    @Test
    void jdkVerifiesGost2004TestRootAndIntermediateSignatures() throws Exception {
        X509Certificate root = NcaTestMaterial.certificate("ca/root_gost_test.crt");
        X509Certificate intermediate = NcaTestMaterial.certificate("ca/nca_gost_test.crt");
        assertInstanceOf(GostPublicKey.class, root.getPublicKey());
        root.verify(root.getPublicKey());
        intermediate.verify(root.getPublicKey());
        assertThrows(java.security.SignatureException.class, () -> root.verify(intermediate.getPublicKey()));
    }

    @Test
    void jdkVerifiesGost2015TestRoot2022AndIntermediate() throws Exception {
        X509Certificate root = NcaTestMaterial.certificate("ca/root_test_gost_2022.cer");
        X509Certificate intermediate = NcaTestMaterial.certificate("ca/nca_gost2022_test.cer");
        assertEquals(GostAlgorithm.GOST2015_512, ((GostPublicKey) root.getPublicKey()).gostAlgorithm());
        root.verify(root.getPublicKey());
        intermediate.verify(root.getPublicKey());
    }

    @Test
    void pkixValidatesEveryGostTestCertificateToItsRootAtItsIssuance() throws Exception {
        record Case(String p12, String password, String root, String intermediate) {}
        List<Case> cases = List.of(
                new Case(
                        "keys/legal_first_head_sign_gost2004.p12",
                        "Qwerty12",
                        "ca/root_gost_test.crt",
                        "ca/nca_gost_test.crt"),
                new Case(
                        "keys/legal_employee_sign_gost2004.p12",
                        "Qwerty12",
                        "ca/root_gost_test.crt",
                        "ca/nca_gost_test.crt"),
                new Case(
                        "keys/individual_gost2015_512.p12",
                        "Aa123456",
                        "ca/root_test_gost_2022.cer",
                        "ca/nca_gost2022_test.cer"),
                new Case(
                        "keys/individual_sign_gost2015_512.p12",
                        "Qwerty12",
                        "ca/root_test_gost_2022.cer",
                        "ca/nca_gost2022_test.cer"),
                new Case(
                        "keys/legal_signing_right_gost2015_512.p12",
                        "Qwerty12",
                        "ca/root_test_gost_2022.cer",
                        "ca/nca_gost2022_test.cer"));
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        for (Case c : cases) {
            X509Certificate leaf = leaf(NcaTestMaterial.p12(c.p12(), c.password()));
            X509Certificate intermediate = NcaTestMaterial.certificate(c.intermediate());
            PKIXParameters params =
                    new PKIXParameters(Set.of(new TrustAnchor(NcaTestMaterial.certificate(c.root()), null)));
            params.setRevocationEnabled(false);
            params.setDate(Date.from(leaf.getNotBefore().toInstant().plus(java.time.Duration.ofDays(1))));
            CertPathValidator.getInstance("PKIX")
                    .validate(factory.generateCertPath(List.of(leaf, intermediate)), params);
        }
    }

    @Test
    void verifiesKalkanGost2004SignatureOverItsSignedAttributes() throws Exception {
        CMSSignedData signed = new CMSSignedData(NcaTestMaterial.base64("cms/kalkan_legal_gost2004.cms"));
        SignerInformation signer =
                signed.getSignerInfos().getSigners().iterator().next();
        X509CertificateHolder certificate = (X509CertificateHolder)
                signed.getCertificates().getMatches(signer.getSID()).iterator().next();
        GostPublicKey key = GostKeys.publicKey(certificate.getSubjectPublicKeyInfo());
        assertEquals(GostAlgorithm.GOST2004, key.gostAlgorithm());
        assertEquals("asdasd", new String((byte[]) signed.getSignedContent().getContent(), StandardCharsets.UTF_8));
        assertTrue(GostSignatures.verify(key, signer.getEncodedSignedAttributes(), signer.getSignature()));
        byte[] tampered = signer.getSignature();
        tampered[5] ^= 1;
        assertFalse(GostSignatures.verify(key, signer.getEncodedSignedAttributes(), tampered));
    }

    @Test
    void digestIsGostR3411WithTheDTestSBox() {
        // messageDigest of Kalkan's signature over "asdasd".
        assertEquals(
                "08a5e8f4b3e3b01fac5e53af166e5e3bc9ce81eb2449aa8d744cd41fff3f72b6",
                java.util.HexFormat.of()
                        .formatHex(GostSignatures.digest(
                                GostAlgorithm.GOST2004, "asdasd".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void nationalTestKeysMatchTheirCertificatesAndSignVerifiably() throws Exception {
        for (String[] p12 : new String[][] {
            {"keys/legal_first_head_sign_gost2004.p12", "Qwerty12"},
            {"keys/individual_sign_gost2015_512.p12", "Qwerty12"}
        }) {
            NcaTestMaterial.P12 material = NcaTestMaterial.p12(p12[0], p12[1]);
            GostPrivateKey key = GostKeys.privateKey(material.key());
            X509Certificate certificate = leaf(material);
            assertEquals(certificate.getPublicKey(), key.publicKey(), p12[0]);
            byte[] data = "Shlyuz".getBytes(StandardCharsets.UTF_8);
            byte[] signature = GostSignatures.sign(key, data, RANDOM);
            assertTrue(GostSignatures.verify((GostPublicKey) certificate.getPublicKey(), data, signature));
        }
    }

    @Test
    void ownKeysRoundTripThroughPkcs8AndSignInEveryAlgorithm() {
        for (GostAlgorithm algorithm : GostAlgorithm.values()) {
            var pair = GostKeys.generate(algorithm, RANDOM);
            GostPrivateKey key = GostKeys.privateKey(org.bouncycastle.asn1.pkcs.PrivateKeyInfo.getInstance(
                    pair.getPrivate().getEncoded()));
            byte[] signature = GostSignatures.sign(key, new byte[] {1, 2, 3}, RANDOM);
            assertEquals(2 * algorithm.fieldBytes(), signature.length);
            GostPublicKey open = GostKeys.publicKey(org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(
                    pair.getPublic().getEncoded()));
            assertTrue(GostSignatures.verify(open, new byte[] {1, 2, 3}, signature), algorithm.label());
            assertFalse(GostSignatures.verify(open, new byte[] {1, 2, 4}, signature), algorithm.label());
        }
    }

    private static X509Certificate leaf(NcaTestMaterial.P12 material) throws Exception {
        for (X509CertificateHolder holder : material.certificates()) {
            if (holder.getExtensions() != null
                    && org.bouncycastle.asn1.x509.BasicConstraints.fromExtensions(holder.getExtensions()) != null
                    && org.bouncycastle.asn1.x509.BasicConstraints.fromExtensions(holder.getExtensions())
                            .isCA()) {
                continue;
            }
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(holder.getEncoded()));
        }
        throw new IllegalStateException("no end-entity certificate");
    }
}
