package kz.shlyuz.gateway.fuzz;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import kz.shlyuz.certs.cms.SignerKey;
import kz.shlyuz.certs.identity.NcaOids;
import kz.shlyuz.gateway.signature.SignatureVerifier;
import kz.shlyuz.gateway.signature.TrustMaterial;
import kz.shlyuz.gateway.signature.VerificationPolicy;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A two-certificate PKI made in a second (one CA, one citizen's signing key), so that fuzz tests
 * start fast: the dev PKI takes tens of seconds to generate on a busy machine.
 */
public final class FuzzPki {
    /** The citizen's IIN (its check digit holds). */
    public static final String IIN =
            kz.shlyuz.certs.identity.Persona.CLEAN.iin().value();

    private static FuzzPki instance;

    public final X509Certificate ca;
    public final SignerKey citizen;

    private FuzzPki() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair caKey = generator.generateKeyPair();
        KeyPair citizenKey = generator.generateKeyPair();
        Instant now = Instant.now();
        X500Name caName = new X500Name("CN=Fuzz CA, C=KZ");
        JcaX509v3CertificateBuilder caBuilder = new JcaX509v3CertificateBuilder(
                caName,
                BigInteger.ONE,
                Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(365))),
                caName,
                caKey.getPublic());
        caBuilder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        caBuilder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        ca = new JcaX509CertificateConverter()
                .getCertificate(
                        caBuilder.build(new JcaContentSignerBuilder("SHA256withRSA").build(caKey.getPrivate())));
        JcaX509v3CertificateBuilder leaf = new JcaX509v3CertificateBuilder(
                caName,
                BigInteger.TWO,
                Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(30))),
                new X500Name("CN=FUZZ CITIZEN, SERIALNUMBER=IIN" + IIN + ", C=KZ"),
                citizenKey.getPublic());
        leaf.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.nonRepudiation | KeyUsage.digitalSignature));
        leaf.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(new KeyPurposeId[] {
            KeyPurposeId.id_kp_emailProtection, KeyPurposeId.getInstance(individual())
        }));
        X509Certificate citizenCertificate = new JcaX509CertificateConverter()
                .getCertificate(leaf.build(new JcaContentSignerBuilder("SHA256withRSA").build(caKey.getPrivate())));
        citizen = new SignerKey(citizenKey.getPrivate(), citizenCertificate);
    }

    private static ASN1ObjectIdentifier individual() {
        return NcaOids.HOLDER_INDIVIDUAL;
    }

    public static synchronized FuzzPki get() {
        if (instance == null) {
            try {
                instance = new FuzzPki();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    /** A verifier trusting only this CA, without OCSP, soft-failing revocation (there is no CRL). */
    public SignatureVerifier verifier(Clock clock) {
        return new SignatureVerifier(
                new TrustMaterial(List.of(ca), List.of(), List.of()),
                clock,
                new VerificationPolicy(Duration.ofMinutes(5), VerificationPolicy.RevocationMode.SOFT_FAIL, null));
    }
}
