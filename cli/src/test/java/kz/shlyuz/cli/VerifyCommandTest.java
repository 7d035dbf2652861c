package kz.shlyuz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import kz.shlyuz.certs.testing.NcaTestMaterial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./shlyuz verify} on the national CA's test material, run as the launcher runs it. */
class VerifyCommandTest {
    private record Run(int exit, String output) {}

    private static Run verify(String... args) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        CommandLine line = new CommandLine(new VerifyCommand(out));
        line.setOut(new java.io.PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        // Tests never reach the national CA's OCSP responder named in the test certificates' AIA.
        String[] offline = new String[args.length + 2];
        offline[0] = "--ocsp";
        offline[1] = "off";
        System.arraycopy(args, 0, offline, 2, args.length);
        int exit = line.execute(offline);
        return new Run(exit, buffer.toString(StandardCharsets.UTF_8));
    }

    private static String trust() {
        return NcaTestMaterial.file("ca").toString();
    }

    @Test
    void kalkanGost2004SignatureVerifiesAtItsSigningTimeWithTheLegalEntityRead() {
        Run run = verify(
                "--trust",
                trust(),
                "--revocation",
                "soft-fail",
                "--allow-test-numbers",
                NcaTestMaterial.file("cms/kalkan_legal_gost2004.cms").toString());
        assertEquals(VerifyCommand.OK, run.exit(), run.output());
        assertTrue(run.output().contains("role LEGAL_FIRST_HEAD"), run.output());
        assertTrue(run.output().contains("BIN 123456789021"), run.output());
        assertTrue(run.output().contains("GOST2004 / GOST3411-94"), run.output());
        assertTrue(run.output().contains("trust anchor: CN=НЕГІЗГІ КО TEST (GOST),C=KZ"), run.output());
        assertTrue(run.output().contains("2020-09-09T20:03:14Z"), run.output());
        assertFalse(run.output().contains("123456789011"), "IIN masked by default: " + run.output());
    }

    @Test
    void kalkanRsaSignatureVerifiesAsDerToo(@TempDir Path dir) throws Exception {
        Path der = dir.resolve("rsa.p7s");
        Files.write(
                der,
                Base64.getMimeDecoder()
                        .decode(Files.readString(NcaTestMaterial.file("cms/kalkan_individual_rsa.cms"))
                                .trim()));
        Run run = verify("--trust", trust(), "--revocation", "soft-fail", "--allow-test-numbers", der.toString());
        assertEquals(VerifyCommand.OK, run.exit(), run.output());
        assertTrue(run.output().contains("role INDIVIDUAL"), run.output());
    }

    @Test
    void testNumbersFailTheCheckDigitUnlessAllowed() {
        Run run = verify(
                "--trust",
                trust(),
                "--revocation",
                "soft-fail",
                NcaTestMaterial.file("cms/kalkan_legal_gost2004.cms").toString());
        assertEquals(VerifyCommand.NOT_ACCEPTABLE, run.exit(), run.output());
        assertTrue(run.output().contains("IIN fails the check digit"), run.output());
    }

    @Test
    void unknownRevocationIsRefusedByDefault() {
        Run run = verify(
                "--trust",
                trust(),
                "--allow-test-numbers",
                NcaTestMaterial.file("cms/kalkan_legal_gost2004.cms").toString());
        assertEquals(VerifyCommand.NOT_ACCEPTABLE, run.exit(), run.output());
        assertTrue(run.output().contains("REVOCATION_UNKNOWN"), run.output());
    }

    @Test
    void detachedSignatureNeedsItsDataAndFailsOnOtherData(@TempDir Path dir) throws Exception {
        // Kalkan's attached signature with its content cut out is a detached one over "asdasd".
        org.bouncycastle.cms.CMSSignedData attached = new org.bouncycastle.cms.CMSSignedData(Base64.getMimeDecoder()
                .decode(Files.readString(NcaTestMaterial.file("cms/kalkan_legal_gost2004.cms"))
                        .trim()));
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSigners(attached.getSignerInfos());
        generator.addCertificates(attached.getCertificates());
        Path detached = dir.resolve("detached.cms");
        Files.write(
                detached,
                generator
                        .generate(new CMSProcessableByteArray("asdasd".getBytes(StandardCharsets.UTF_8)), false)
                        .getEncoded());
        Path good = Files.writeString(dir.resolve("good.txt"), "asdasd");
        Path bad = Files.writeString(dir.resolve("bad.txt"), "asdasD");

        assertEquals(
                VerifyCommand.OK,
                verify(
                                "--trust",
                                trust(),
                                "--revocation",
                                "soft-fail",
                                "--allow-test-numbers",
                                "--data",
                                good.toString(),
                                detached.toString())
                        .exit());
        Run tampered = verify(
                "--trust",
                trust(),
                "--revocation",
                "soft-fail",
                "--allow-test-numbers",
                "--data",
                bad.toString(),
                detached.toString());
        assertEquals(VerifyCommand.NOT_ACCEPTABLE, tampered.exit(), tampered.output());
        assertTrue(tampered.output().contains("SIGNATURE_INVALID"), tampered.output());
        assertEquals(
                VerifyCommand.UNREADABLE,
                verify("--trust", trust(), detached.toString()).exit(),
                "a detached signature without --data");
    }

    @Test
    void authenticationCertificateIsNotAcceptableAsASigner(@TempDir Path dir) throws Exception {
        X509Certificate auth = NcaTestMaterial.certificate("keys/individual_auth_rsa.cer");
        var keys = KeyPairGenerator.getInstance("RSA");
        keys.initialize(2048);
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(
                new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                        .build(
                                new JcaContentSignerBuilder("SHA256withRSA")
                                        .build(keys.generateKeyPair().getPrivate()),
                                auth));
        generator.addCertificates(new JcaCertStore(List.of(auth)));
        Path cms = dir.resolve("auth.cms");
        Files.write(
                cms,
                generator
                        .generate(new CMSProcessableByteArray("asdasd".getBytes(StandardCharsets.UTF_8)), true)
                        .getEncoded());

        Run run = verify("--trust", trust(), "--revocation", "soft-fail", "--allow-test-numbers", cms.toString());
        assertEquals(VerifyCommand.NOT_ACCEPTABLE, run.exit(), run.output());
        assertTrue(run.output().contains("CERT_NOT_FOR_SIGNING"), run.output());
        assertTrue(run.output().contains("authentication certificate"), run.output());
    }

    @Test
    void garbageIsUnreadable(@TempDir Path dir) throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.cms"), "not a signature at all");
        Run run = verify("--trust", trust(), junk.toString());
        assertEquals(VerifyCommand.UNREADABLE, run.exit(), run.output());
        assertTrue(run.output().contains("SIGNATURE_MALFORMED"), run.output());
    }

    @Test
    void trustFolderWithoutCaCertificatesIsNamedNotAStackTrace(@TempDir Path dir) throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty-trust"));
        Run run = verify(
                "--trust",
                empty.toString(),
                NcaTestMaterial.file("cms/kalkan_legal_gost2004.cms").toString());
        assertEquals(VerifyCommand.UNREADABLE, run.exit(), run.output());
        assertTrue(run.output().startsWith("No usable trust"), run.output());
    }
}
