package kz.shlyuz.certs.pki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import kz.shlyuz.certs.gost.GostOperators;
import kz.shlyuz.certs.gost.GostPrivateKey;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Builds X.509 certificates and CRLs, signed SHA256withRSA by RSA CAs and in the national GOST
 * encoding by GOST CAs, each with subject and authority
 * key identifiers so that verifiers can find issuers without comparing names.
 */
final class Issuer {
    private static final String SIGNATURE_ALGORITHM = "SHA256withRSA";

    /** A CA that can issue: its certificate and private key. */
    record Authority(X509Certificate certificate, PrivateKey privateKey) {}

    /** A certificate on a CRL and why ({@link org.bouncycastle.asn1.x509.CRLReason} code). */
    record Revocation(BigInteger serialNumber, Instant revokedAt, int reason) {}

    private final SecureRandom random;
    private final JcaX509ExtensionUtils extensionUtils;

    Issuer(SecureRandom random) {
        this.random = random;
        try {
            this.extensionUtils = new JcaX509ExtensionUtils();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-1 for key identifiers is unavailable", e);
        }
    }

    /** A self-signed CA certificate. */
    Authority selfSigned(
            X500Name subject, KeyPair keys, CertificateProfile profile, Instant notBefore, Instant notAfter) {
        X509Certificate certificate =
                build(subject, keys.getPublic(), profile, subject, null, keys.getPrivate(), notBefore, notAfter);
        return new Authority(certificate, keys.getPrivate());
    }

    /** A certificate for {@code subjectKey} issued by {@code issuer}. */
    X509Certificate issue(
            Authority issuer,
            X500Name subject,
            PublicKey subjectKey,
            CertificateProfile profile,
            Instant notBefore,
            Instant notAfter) {
        X500Name issuerName = X500Name.getInstance(
                issuer.certificate().getSubjectX500Principal().getEncoded());
        return build(
                subject,
                subjectKey,
                profile,
                issuerName,
                issuer.certificate(),
                issuer.privateKey(),
                notBefore,
                notAfter);
    }

    /** A CRL of {@code issuer}, with a CRL number and the authority key identifier. */
    X509CRL crl(
            Authority issuer, List<Revocation> revocations, BigInteger number, Instant thisUpdate, Instant nextUpdate) {
        try {
            X509v2CRLBuilder builder =
                    new JcaX509v2CRLBuilder(issuer.certificate().getSubjectX500Principal(), Date.from(thisUpdate));
            builder.setNextUpdate(Date.from(nextUpdate));
            for (Revocation revocation : revocations) {
                builder.addCRLEntry(revocation.serialNumber(), Date.from(revocation.revokedAt()), revocation.reason());
            }
            builder.addExtension(
                    Extension.authorityKeyIdentifier,
                    false,
                    extensionUtils.createAuthorityKeyIdentifier(
                            issuer.certificate().getPublicKey()));
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(number));
            return new JcaX509CRLConverter().getCRL(builder.build(signer(issuer.privateKey())));
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException(
                    "cannot build CRL of " + issuer.certificate().getSubjectX500Principal(), e);
        }
    }

    /** Positive, 128 random bits: unique without coordination and within RFC 5280's 20 octets. */
    BigInteger serialNumber() {
        return new BigInteger(128, random).setBit(127);
    }

    private X509Certificate build(
            X500Name subject,
            PublicKey subjectKey,
            CertificateProfile profile,
            X500Name issuerName,
            X509Certificate issuerCertificate,
            PrivateKey signingKey,
            Instant notBefore,
            Instant notAfter) {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    issuerName, serialNumber(), Date.from(notBefore), Date.from(notAfter), subject, subjectKey);
            builder.addExtension(
                    Extension.subjectKeyIdentifier, false, extensionUtils.createSubjectKeyIdentifier(subjectKey));
            // Key identifier only, as the national CA writes it: issuer name and serial would tie
            // the AKI to one issuance of the CA certificate.
            PublicKey issuerKey = issuerCertificate == null ? subjectKey : issuerCertificate.getPublicKey();
            builder.addExtension(
                    Extension.authorityKeyIdentifier, false, extensionUtils.createAuthorityKeyIdentifier(issuerKey));
            builder.addExtension(
                    Extension.basicConstraints,
                    true,
                    !profile.ca()
                            ? new BasicConstraints(false)
                            : profile.pathLength() < 0
                                    ? new BasicConstraints(true)
                                    : new BasicConstraints(profile.pathLength()));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(profile.keyUsage()));
            if (!profile.extendedKeyUsage().isEmpty()) {
                builder.addExtension(
                        Extension.extendedKeyUsage,
                        profile.timeStampingOnly(),
                        new ExtendedKeyUsage(profile.extendedKeyUsage().stream()
                                .map(KeyPurposeId::getInstance)
                                .toArray(KeyPurposeId[]::new)));
            }
            if (!profile.policies().isEmpty()) {
                builder.addExtension(
                        Extension.certificatePolicies,
                        false,
                        new CertificatePolicies(
                                profile.policies().stream().map(Issuer::policy).toArray(PolicyInformation[]::new)));
            }
            if (!profile.subjectAltNames().isEmpty()) {
                builder.addExtension(
                        Extension.subjectAlternativeName,
                        false,
                        new GeneralNames(profile.subjectAltNames().toArray(GeneralName[]::new)));
            }
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer(signingKey)));
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot issue a certificate to " + subject, e);
        }
    }

    private static PolicyInformation policy(ASN1ObjectIdentifier oid) {
        return new PolicyInformation(oid);
    }

    private ContentSigner signer(PrivateKey key) {
        if (key instanceof GostPrivateKey gost) {
            return GostOperators.contentSigner(gost, random);
        }
        try {
            return new JcaContentSignerBuilder(SIGNATURE_ALGORITHM)
                    .setSecureRandom(random)
                    .build(key);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign with " + SIGNATURE_ALGORITHM, e);
        }
    }
}
