package kz.shlyuz.certs.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SystemIdentityTest {
    private static KeyPair keys;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        keys = generator.generateKeyPair();
    }

    private static X509Certificate certificate(X500Name subject) throws Exception {
        Instant now = Instant.now();
        return new JcaX509CertificateConverter()
                .getCertificate(new JcaX509v3CertificateBuilder(
                                new X500Name("CN=test CA"),
                                BigInteger.ONE,
                                Date.from(now.minus(1, ChronoUnit.DAYS)),
                                Date.from(now.plus(1, ChronoUnit.DAYS)),
                                subject,
                                keys.getPublic())
                        .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    }

    @Test
    void identifiesTheOneCn() throws Exception {
        SystemIdentity identity = SystemIdentity.of(certificate(new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "KZ")
                .addRDN(BCStyle.CN, "egov-portal")
                .addRDN(BCStyle.O, "Shlyuz dev")
                .build()));
        assertEquals(new SystemIdentity.Identified("egov-portal"), identity);
    }

    @Test
    void refusesTwoCnsWhateverTheirOrder() throws Exception {
        SystemIdentity identity = SystemIdentity.of(certificate(new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, "egov-portal")
                .addRDN(BCStyle.CN, "hkko")
                .build()));
        SystemIdentity.Refused refused = assertInstanceOf(SystemIdentity.Refused.class, identity);
        assertTrue(refused.why().contains("2 CNs"), refused.why());
    }

    @Test
    void refusesTwoCnsInOneMultiValuedRdn() throws Exception {
        X500Name subject = new X500Name("CN=egov-portal+CN=hkko,C=KZ");
        SystemIdentity.Refused refused =
                assertInstanceOf(SystemIdentity.Refused.class, SystemIdentity.of(certificate(subject)));
        assertTrue(refused.why().contains("2 CNs"), refused.why());
    }

    @Test
    void refusesSubjectWithoutCn() throws Exception {
        SystemIdentity.Refused refused = assertInstanceOf(
                SystemIdentity.Refused.class, SystemIdentity.of(certificate(new X500Name("O=Shlyuz dev,C=KZ"))));
        assertEquals("certificate subject has no CN", refused.why());
    }

    @Test
    void refusesCnWithCharactersOutsideSystemIds() throws Exception {
        SystemIdentity.Refused refused = assertInstanceOf(
                SystemIdentity.Refused.class,
                SystemIdentity.of(certificate(new X500Name("CN=egov portal\u2028forged log line"))));
        assertTrue(refused.why().contains("egov portal?forged log line"), refused.why());
    }

    @Test
    void refusesOverlongCn() throws Exception {
        SystemIdentity.Refused refused = assertInstanceOf(
                SystemIdentity.Refused.class, SystemIdentity.of(certificate(new X500Name("CN=" + "a".repeat(65)))));
        assertTrue(refused.why().contains("1–64"), refused.why());
    }

    @Test
    void refusesMissingSession() {
        assertEquals(new SystemIdentity.Refused("no TLS session"), SystemIdentity.of((javax.net.ssl.SSLSession) null));
    }
}
