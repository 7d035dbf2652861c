package kz.shlyuz.certs.cms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import kz.shlyuz.certs.pki.DevPki;
import kz.shlyuz.certs.pki.Processes;
import kz.shlyuz.certs.pki.TestPki;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CmsSignerTest {
    /** Within the shared PKI's validity: BouncyCastle checks the certificate at the signing time. */
    private static final Instant SIGNED_AT = TestPki.NOW.truncatedTo(ChronoUnit.SECONDS);

    private static final byte[] CONTENT = "{\"iin\":\"900314312348\"}".getBytes(StandardCharsets.UTF_8);

    private final DevPki pki = TestPki.shared();
    private final CmsSigner signer = new CmsSigner(Clock.fixed(SIGNED_AT.plusMillis(750), ZoneOffset.UTC));

    @Test
    void detachedSignatureVerifiesWithBouncyCastleAndCarriesExactlyTheThreeSignedAttributes() throws Exception {
        byte[] der = signer.signDetached(CONTENT, pki.signerKey("aidar-clean"));

        CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(CONTENT), der);
        assertNull(new CMSSignedData(der).getSignedContent(), "detached");
        assertEquals(1, signed.getVersion());
        SignerInformation info = single(signed.getSignerInfos().getSigners());
        assertTrue(verifies(signed, info));
        assertEquals("1.2.840.113549.1.1.11", info.getEncryptionAlgOID(), "sha256WithRSAEncryption, as Kalkan");
        assertEquals("2.16.840.1.101.3.4.2.1", info.getDigestAlgOID());
        assertEquals(
                Set.of(CMSAttributes.contentType, CMSAttributes.messageDigest, CMSAttributes.signingTime),
                attributeTypes(info));
        Attribute signingTime = info.getSignedAttributes().get(CMSAttributes.signingTime);
        assertInstanceOf(ASN1UTCTime.class, signingTime.getAttrValues().getObjectAt(0), "UTCTime per RFC 5652");
        assertEquals(
                SIGNED_AT,
                Time.getInstance(signingTime.getAttrValues().getObjectAt(0))
                        .getDate()
                        .toInstant());
        assertEquals(
                Set.of(
                        pki.certificate(pki.identity("aidar-clean")),
                        pki.signingIntermediates().get(0)),
                certificates(signed));
    }

    @Test
    void detachedSignatureVerifiesWithOpensslCms(@TempDir Path dir) throws Exception {
        assumeOpenssl();
        Path content = Files.write(dir.resolve("content.bin"), CONTENT);
        Path signature = Files.write(
                dir.resolve("sig.der"),
                signer.signDetached(CONTENT, List.of(pki.signerKey("aidar-clean"), pki.signerKey("nurlan-employer"))));

        Processes.Result result = Processes.run(
                dir,
                List.of(
                        "openssl",
                        "cms",
                        "-verify",
                        "-binary",
                        "-inform",
                        "DER",
                        "-in",
                        signature.toString(),
                        "-content",
                        content.toString(),
                        "-CAfile",
                        pki.identity("root-rsa").cert().toString(),
                        "-out",
                        dir.resolve("out.bin").toString()));

        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("Verification successful"), result.output());
        assertArrayEquals(CONTENT, Files.readAllBytes(dir.resolve("out.bin")));
    }

    @Test
    void opensslRejectsTheDetachedSignatureOverOtherContent(@TempDir Path dir) throws Exception {
        assumeOpenssl();
        Path content = Files.write(dir.resolve("content.bin"), "tampered".getBytes(StandardCharsets.UTF_8));
        Path signature =
                Files.write(dir.resolve("sig.der"), signer.signDetached(CONTENT, pki.signerKey("aidar-clean")));

        Processes.Result result = Processes.run(
                dir,
                List.of(
                        "openssl",
                        "cms",
                        "-verify",
                        "-binary",
                        "-inform",
                        "DER",
                        "-in",
                        signature.toString(),
                        "-content",
                        content.toString(),
                        "-CAfile",
                        pki.identity("root-rsa").cert().toString(),
                        "-out",
                        "/dev/null"));

        assertNotEquals(0, result.exitCode(), result.output());
    }

    @Test
    void attachedSignatureEncapsulatesTheContentAndVerifiesWithOpenssl(@TempDir Path dir) throws Exception {
        byte[] der = signer.signAttached(CONTENT, pki.signerKey("agency-gbd-fl"));

        CMSSignedData signed = new CMSSignedData(der);
        assertArrayEquals(CONTENT, (byte[]) signed.getSignedContent().getContent());
        assertTrue(verifies(signed, single(signed.getSignerInfos().getSigners())));
        if (Processes.opensslAvailable()) {
            Path signature = Files.write(dir.resolve("sig.der"), der);
            Processes.Result result = Processes.run(
                    dir,
                    List.of(
                            "openssl",
                            "cms",
                            "-verify",
                            "-binary",
                            "-inform",
                            "DER",
                            "-in",
                            signature.toString(),
                            "-CAfile",
                            pki.identity("root-rsa").cert().toString(),
                            "-out",
                            dir.resolve("out.bin").toString()));
            assertEquals(0, result.exitCode(), result.output());
            assertArrayEquals(CONTENT, Files.readAllBytes(dir.resolve("out.bin")));
        }
    }

    @Test
    void twoSignersGiveTwoParallelSignerInfosSharingTheIntermediateOnce() throws Exception {
        byte[] der = signer.signDetached(CONTENT, List.of(pki.signerKey("aidar-clean"), pki.signerKey("asel-owner")));

        CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(CONTENT), der);
        Collection<SignerInformation> infos = signed.getSignerInfos().getSigners();
        assertEquals(2, infos.size());
        for (SignerInformation info : infos) {
            assertTrue(verifies(signed, info));
        }
        assertEquals(3, signed.getCertificates().getMatches(null).size());
    }

    @Test
    void addSignersKeepsTheAgencySignatureAndAddsTheGateways(@TempDir Path dir) throws Exception {
        byte[] agencyAnswer =
                signer.signDetached(CONTENT, List.of(pki.signerKey("agency-mvd"), pki.signerKey("agency-moj")));
        CmsSigner gatewaySigner = new CmsSigner(Clock.fixed(SIGNED_AT.plusSeconds(60), ZoneOffset.UTC));

        byte[] der = gatewaySigner.addSigners(agencyAnswer, CONTENT, List.of(pki.signerKey("agency-gateway")));

        CMSSignedData before = new CMSSignedData(new CMSProcessableByteArray(CONTENT), agencyAnswer);
        CMSSignedData after = new CMSSignedData(new CMSProcessableByteArray(CONTENT), der);
        assertNull(new CMSSignedData(der).getSignedContent(), "detached");
        List<SignerInformation> infos = new ArrayList<>(after.getSignerInfos().getSigners());
        assertEquals(3, infos.size());
        for (SignerInformation info : infos) {
            assertTrue(verifies(after, info));
        }
        Set<String> kept = new HashSet<>();
        for (SignerInformation info : infos) {
            kept.add(encoded(info));
        }
        for (SignerInformation old : before.getSignerInfos().getSigners()) {
            assertTrue(kept.contains(encoded(old)), "existing SignerInfo kept byte for byte");
        }
        assertEquals(
                Set.of(
                        pki.certificate(pki.identity("agency-mvd")),
                        pki.certificate(pki.identity("agency-moj")),
                        pki.certificate(pki.identity("agency-gateway")),
                        pki.signingIntermediates().get(0)),
                certificates(after));
        if (Processes.opensslAvailable()) {
            Path content = Files.write(dir.resolve("content.bin"), CONTENT);
            Path signature = Files.write(dir.resolve("sig.der"), der);
            Processes.Result result = Processes.run(
                    dir,
                    List.of(
                            "openssl",
                            "cms",
                            "-verify",
                            "-binary",
                            "-inform",
                            "DER",
                            "-in",
                            signature.toString(),
                            "-content",
                            content.toString(),
                            "-CAfile",
                            pki.identity("root-rsa").cert().toString(),
                            "-out",
                            "/dev/null"));
            assertEquals(0, result.exitCode(), result.output());
        }
    }

    @Test
    void addSignersAcceptsAnAttachedSignatureAndReturnsADetachedOne() throws Exception {
        byte[] attached = signer.signAttached(CONTENT, pki.signerKey("aidar-clean"));

        byte[] der = signer.addSigners(attached, CONTENT, List.of(pki.signerKey("agency-gateway")));

        CMSSignedData after = new CMSSignedData(new CMSProcessableByteArray(CONTENT), der);
        assertNull(new CMSSignedData(der).getSignedContent());
        assertEquals(2, after.getSignerInfos().size());
        for (SignerInformation info : after.getSignerInfos().getSigners()) {
            assertTrue(verifies(after, info));
        }
    }

    @Test
    void addSignersRefusesContentThatDiffersFromTheEncapsulatedContent() {
        byte[] attached = signer.signAttached(CONTENT, pki.signerKey("aidar-clean"));

        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> signer.addSigners(
                        attached, "other".getBytes(StandardCharsets.UTF_8), List.of(pki.signerKey("agency-gateway"))));

        assertTrue(e.getMessage().startsWith("content:"), e.getMessage());
    }

    @Test
    void refusesAnEmptySignerList() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> signer.signDetached(CONTENT, List.of()));

        assertEquals("signers: empty (expected: at least one)", e.getMessage());
    }

    @Test
    void signerKeyDropsTheSignerCertificateFromTheFrontOfTheChain() {
        var id = pki.identity("aidar-clean");
        SignerKey key = new SignerKey(pki.privateKey(id), pki.certificate(id), pki.chain(id));

        assertEquals(pki.signingIntermediates().subList(0, 1), key.chain());
        assertFalse(key.toString().contains("PRIVATE"));
    }

    private static boolean verifies(CMSSignedData signed, SignerInformation info) throws Exception {
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = signed.getCertificates().getMatches(info.getSID());
        X509CertificateHolder certificate = matches.iterator().next();
        return info.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
    }

    private static String encoded(SignerInformation info) throws IOException {
        return HexFormat.of().formatHex(info.toASN1Structure().getEncoded());
    }

    private static SignerInformation single(Collection<SignerInformation> infos) {
        assertEquals(1, infos.size());
        return infos.iterator().next();
    }

    private static Set<ASN1ObjectIdentifier> attributeTypes(SignerInformation info) {
        Set<ASN1ObjectIdentifier> types = new HashSet<>();
        for (Attribute attribute : info.getSignedAttributes().toASN1Structure().getAttributes()) {
            types.add(attribute.getAttrType());
        }
        return types;
    }

    private static Set<X509Certificate> certificates(CMSSignedData signed) throws Exception {
        var converter = new JcaX509CertificateConverter();
        Set<X509Certificate> result = new HashSet<>();
        for (Object holder : signed.getCertificates().getMatches(null)) {
            result.add(converter.getCertificate((X509CertificateHolder) holder));
        }
        return result;
    }

    private static void assumeOpenssl() {
        assumeTrue(Processes.opensslAvailable(), "openssl is not installed");
    }
}
