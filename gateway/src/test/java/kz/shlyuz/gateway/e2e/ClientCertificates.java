package kz.shlyuz.gateway.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import kz.shlyuz.certs.pki.DevPki;
import kz.shlyuz.certs.tls.TlsFiles;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * TLS client certificates the dev PKI does not ship: issued by its TLS CA with any subject (two
 * CNs, a system id of the test's own), or by a CA nobody trusts. Written as PEM for
 * {@link kz.shlyuz.client.GatewayClient}.
 */
final class ClientCertificates {
    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());

    private ClientCertificates() {}

    /** A certificate from the dev TLS CA whose subject has these CNs, in order. */
    static TlsFiles issued(DevPki pki, String... commonNames) {
        X500NameBuilder subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "KZ");
        for (String cn : commonNames) {
            subject.addRDN(BCStyle.CN, cn);
        }
        var ca = pki.identity("tls-ca");
        X509Certificate caCertificate = pki.certificate(ca);
        return write(
                subject.build(),
                X500Name.getInstance(caCertificate.getSubjectX500Principal().getEncoded()),
                pki.privateKey(ca),
                caCertificate,
                pki.tlsTrustPem());
    }

    /** A certificate naming {@code cn} from a self-made CA the gateway does not trust. */
    static TlsFiles fromUnknownCa(DevPki pki, String cn) {
        KeyPair caKeys = keys();
        X500Name caName = new X500Name("CN=Not a Shlyuz CA,C=KZ");
        return write(
                new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, cn).build(),
                caName,
                caKeys.getPrivate(),
                null,
                pki.tlsTrustPem());
    }

    private static TlsFiles write(
            X500Name subject, X500Name issuer, PrivateKey issuerKey, X509Certificate issuerCert, Path trust) {
        try {
            KeyPair keys = keys();
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    issuer,
                    BigInteger.valueOf(SERIAL.incrementAndGet()),
                    Date.from(now.minus(1, ChronoUnit.HOURS)),
                    Date.from(now.plus(1, ChronoUnit.DAYS)),
                    subject,
                    keys.getPublic());
            builder.addExtension(
                    Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
            String algorithm = issuerKey.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).build(issuerKey)));
            Path dir = Files.createTempDirectory("shlyuz-client-cert-");
            Path chain = dir.resolve("chain.pem");
            StringBuilder pem = new StringBuilder(pem("CERTIFICATE", certificate.getEncoded()));
            if (issuerCert != null) {
                pem.append(pem("CERTIFICATE", issuerCert.getEncoded()));
            }
            Files.writeString(chain, pem, StandardCharsets.US_ASCII);
            Path key = dir.resolve("key.pem");
            Files.writeString(key, pem("PRIVATE KEY", keys.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
            return new TlsFiles(chain, key, trust);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
