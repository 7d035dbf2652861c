package kz.shlyuz.certs.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import kz.shlyuz.certs.pki.TestPki;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMParser;
import org.junit.jupiter.api.Test;

/** Reads real national-CA test certificates exactly as the gateway will. */
class CertificateHolderTest {
    private static final Path NCA = TestPki.ncaTest();

    @Test
    void individualAuthenticationCertificateIsNotASigningCertificate() throws Exception {
        CertificateHolder holder = CertificateHolder.of(jdk(NCA.resolve("keys/individual_auth_rsa.cer")));

        assertEquals("ТЕСТОВ ТЕСТ", holder.commonName());
        assertEquals("123456789011", holder.iin());
        assertNull(holder.bin());
        assertNull(holder.organisation());
        assertEquals(HolderRole.INDIVIDUAL, holder.role());
        assertTrue(holder.authenticationCertificate());
        assertFalse(holder.signingCertificate());
    }

    @Test
    void individualSigningCertificateFromKalkanIsASigningCertificate() throws Exception {
        CertificateHolder holder = CertificateHolder.of(jdk(NCA.resolve("cms/kalkan_individual_rsa.cer")));

        assertEquals("123456789011", holder.iin(), "taken as written, although the check digit fails");
        assertFalse(Iin.isValid(holder.iin()));
        assertEquals(HolderRole.INDIVIDUAL, holder.role());
        assertTrue(holder.signingCertificate());
        assertFalse(holder.authenticationCertificate());
        assertFalse(holder.legalEntity());
    }

    @Test
    void legalEntityGostCertificateGivesBinOrganisationAndFirstHead() throws Exception {
        CertificateHolder holder = CertificateHolder.of(bouncyCastle(NCA.resolve("cms/kalkan_legal_gost2004.cer")));

        assertEquals("123456789011", holder.iin());
        assertEquals("123456789021", holder.bin());
        assertEquals("АО \"ТЕСТ\"", holder.organisation());
        assertEquals(HolderRole.LEGAL_FIRST_HEAD, holder.role());
        assertTrue(holder.legalEntity());
        assertTrue(holder.signingCertificate());
        assertFalse(holder.authenticationCertificate());
    }

    @Test
    void readsTheGostCertificateThroughTheJcaTypeToo() throws Exception {
        X509Certificate certificate = jdk(NCA.resolve("cms/kalkan_legal_gost2004.cer"));

        assertEquals(
                CertificateHolder.of(bouncyCastle(NCA.resolve("cms/kalkan_legal_gost2004.cer"))),
                CertificateHolder.of(certificate));
    }

    @Test
    void toStringMasksTheIin() throws Exception {
        CertificateHolder holder = CertificateHolder.of(jdk(NCA.resolve("cms/kalkan_individual_rsa.cer")));

        assertFalse(holder.toString().contains("123456789011"), holder.toString());
        assertTrue(holder.toString().contains("123456******"), holder.toString());
    }

    private static X509Certificate jdk(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static X509CertificateHolder bouncyCastle(Path file) throws Exception {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
                PEMParser parser = new PEMParser(reader)) {
            return (X509CertificateHolder) parser.readObject();
        }
    }
}
