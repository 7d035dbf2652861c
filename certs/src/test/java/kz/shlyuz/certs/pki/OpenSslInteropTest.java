package kz.shlyuz.certs.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The files are usable by OpenSSL 3 as they are: no -legacy, no conversions. */
class OpenSslInteropTest {
    private final DevPki pki = TestPki.shared();

    @BeforeAll
    static void requireOpenssl() {
        assumeTrue(Processes.opensslAvailable(), "openssl is not installed");
    }

    @Test
    void opensslVerifiesSigningCertificatesThroughTheIntermediate() {
        for (String name : List.of("aidar-clean", "aidar-clean-auth", "hkko-operator", "agency-gateway")) {
            Processes.Result result = verify(pki.identity(name).cert());

            assertEquals(0, result.exitCode(), name + ": " + result.output());
            assertTrue(result.output().contains(": OK"), result.output());
        }
    }

    @Test
    void opensslRejectsTheUnknownCaCertificate() {
        Processes.Result result = verify(pki.identity("test-unknown-ca").cert());

        assertNotEquals(0, result.exitCode(), result.output());
    }

    @Test
    void opensslVerifiesTlsCertificatesAgainstTrustPem() {
        Processes.Result result = Processes.run(
                pki.dir(),
                List.of(
                        "openssl",
                        "verify",
                        "-CAfile",
                        pki.tlsTrustPem().toString(),
                        "-purpose",
                        "sslserver",
                        pki.system("gateway").cert().toString()));

        assertEquals(0, result.exitCode(), result.output());
    }

    @Test
    void opensslReadsPkcs12WithChangeitWithoutLegacy() {
        for (String name : List.of("aidar-clean", "tls-gateway", "root-rsa")) {
            Path p12 = pki.identity(name).p12();
            Processes.Result result = Processes.run(
                    pki.dir(),
                    List.of(
                            "openssl",
                            "pkcs12",
                            "-in",
                            p12.toString(),
                            "-passin",
                            "pass:" + DevPki.P12_PASSWORD,
                            "-noout"));

            assertEquals(0, result.exitCode(), name + ": " + result.output());
        }
    }

    @Test
    void opensslRefusesPkcs12WithAWrongPassword() {
        Processes.Result result = Processes.run(
                pki.dir(),
                List.of(
                        "openssl",
                        "pkcs12",
                        "-in",
                        pki.identity("aidar-clean").p12().toString(),
                        "-passin",
                        "pass:wrong",
                        "-noout"));

        assertNotEquals(0, result.exitCode(), result.output());
    }

    @Test
    void opensslReadsKeysAndCrls() {
        Processes.Result key = Processes.run(
                pki.dir(),
                List.of(
                        "openssl",
                        "pkey",
                        "-in",
                        pki.identity("aidar-clean").key().toString(),
                        "-noout"));
        Processes.Result crl = Processes.run(
                pki.dir(),
                List.of(
                        "openssl",
                        "crl",
                        "-inform",
                        "DER",
                        "-in",
                        "crl/intermediate-rsa.crl",
                        "-noout",
                        "-CAfile",
                        "ca/intermediate-rsa.pem"));

        assertEquals(0, key.exitCode(), key.output());
        assertEquals(0, crl.exitCode(), crl.output());
        assertTrue(crl.output().contains("verify OK"), crl.output());
    }

    private Processes.Result verify(Path leaf) {
        return Processes.run(
                pki.dir(),
                List.of(
                        "openssl",
                        "verify",
                        "-CAfile",
                        pki.identity("root-rsa").cert().toString(),
                        "-untrusted",
                        pki.identity("intermediate-rsa").cert().toString(),
                        leaf.toString()));
    }
}
