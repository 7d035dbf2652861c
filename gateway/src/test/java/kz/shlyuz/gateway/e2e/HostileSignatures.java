package kz.shlyuz.gateway.e2e;

import com.google.protobuf.ByteString;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Hashtable;
import java.util.List;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Hostile CMS signatures and certificates for the refusal matrix and the heap test: built with
 * BouncyCastle as an attacker would, each real DER that parses (unless the case is about parsing).
 */
final class HostileSignatures {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ASN1ObjectIdentifier PADDING_EXTENSION = new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1");

    private HostileSignatures() {}

    static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A certificate with {@code template}'s subject and extensions (so it reads as a signing
     * certificate), the public key {@code spki}, issued under {@code issuer}'s name and signed by
     * {@code issuerKey}; {@code paddingBytes} > 0 adds a non-critical extension of that size.
     */
    static X509Certificate certificate(
            X509Certificate template,
            SubjectPublicKeyInfo spki,
            X500Name issuer,
            PrivateKey issuerKey,
            int paddingBytes) {
        try {
            X509CertificateHolder holder = new JcaX509CertificateHolder(template);
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new X509v3CertificateBuilder(
                    issuer,
                    new BigInteger(64, RANDOM).add(BigInteger.ONE),
                    Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(30))),
                    holder.getSubject(),
                    spki);
            for (Object oid : holder.getExtensionOIDs()) {
                ASN1ObjectIdentifier id = (ASN1ObjectIdentifier) oid;
                if (id.equals(Extension.authorityKeyIdentifier) || id.equals(Extension.subjectKeyIdentifier)) {
                    continue;
                }
                Extension extension = holder.getExtension(id);
                builder.addExtension(id, extension.isCritical(), extension.getParsedValue());
            }
            if (paddingBytes > 0) {
                byte[] padding = new byte[paddingBytes];
                RANDOM.nextBytes(padding);
                builder.addExtension(PADDING_EXTENSION, false, new DEROctetString(padding));
            }
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey);
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static SubjectPublicKeyInfo spki(java.security.PublicKey key) {
        return SubjectPublicKeyInfo.getInstance(key.getEncoded());
    }

    /** An RSA public key with any modulus and exponent (no private key exists for most of them). */
    static SubjectPublicKeyInfo rsaSpki(BigInteger modulus, BigInteger exponent) {
        try {
            return new SubjectPublicKeyInfo(
                    new AlgorithmIdentifier(
                            PKCSObjectIdentifiers.rsaEncryption, org.bouncycastle.asn1.DERNull.INSTANCE),
                    new RSAPublicKey(modulus, exponent));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static BigInteger oddNumber(int bits) {
        return new BigInteger(bits, RANDOM).setBit(bits - 1).setBit(0);
    }

    static X500Name name(X509Certificate certificate, boolean issuer) {
        return X500Name.getInstance(
                (issuer ? certificate.getIssuerX500Principal() : certificate.getSubjectX500Principal()).getEncoded());
    }

    /** What goes into one CMS. */
    record Cms(
            ByteString content,
            PrivateKey key,
            X509Certificate signerCertificate,
            String algorithm,
            int signers,
            List<X509Certificate> certificates,
            List<X509CRL> crls,
            int extraSignedAttributes,
            boolean direct) {
        static Cms of(byte[] content, PrivateKey key, X509Certificate certificate) {
            return new Cms(
                    ByteString.copyFrom(content),
                    key,
                    certificate,
                    "SHA256withRSA",
                    1,
                    List.of(certificate),
                    List.of(),
                    0,
                    false);
        }

        Cms algorithm(String name) {
            return new Cms(
                    content, key, signerCertificate, name, signers, certificates, crls, extraSignedAttributes, direct);
        }

        Cms signers(int count) {
            return new Cms(
                    content,
                    key,
                    signerCertificate,
                    algorithm,
                    count,
                    certificates,
                    crls,
                    extraSignedAttributes,
                    direct);
        }

        Cms certificates(List<X509Certificate> list) {
            return new Cms(
                    content, key, signerCertificate, algorithm, signers, list, crls, extraSignedAttributes, direct);
        }

        Cms crls(List<X509CRL> list) {
            return new Cms(
                    content,
                    key,
                    signerCertificate,
                    algorithm,
                    signers,
                    certificates,
                    list,
                    extraSignedAttributes,
                    direct);
        }

        Cms extraSignedAttributes(int count) {
            return new Cms(content, key, signerCertificate, algorithm, signers, certificates, crls, count, direct);
        }

        Cms withoutSignedAttributes() {
            return new Cms(
                    content,
                    key,
                    signerCertificate,
                    algorithm,
                    signers,
                    certificates,
                    crls,
                    extraSignedAttributes,
                    true);
        }

        /** The detached CMS, DER. */
        byte[] build() {
            try {
                CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
                for (int i = 0; i < signers; i++) {
                    JcaSignerInfoGeneratorBuilder builder = new JcaSignerInfoGeneratorBuilder(
                                    new JcaDigestCalculatorProviderBuilder().build())
                            .setDirectSignature(direct);
                    if (extraSignedAttributes > 0) {
                        // JdkObsolete: BouncyCastle's AttributeTable takes a Hashtable.
                        @SuppressWarnings("JdkObsolete")
                        Hashtable<ASN1ObjectIdentifier, Attribute> table = new Hashtable<>();
                        for (int a = 0; a < extraSignedAttributes; a++) {
                            ASN1ObjectIdentifier oid = new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.2." + a);
                            table.put(oid, new Attribute(oid, new DERSet(new DERUTF8String("x"))));
                        }
                        builder.setSignedAttributeGenerator(
                                new DefaultSignedAttributeTableGenerator(new AttributeTable(table)));
                    }
                    generator.addSignerInfoGenerator(
                            builder.build(new JcaContentSignerBuilder(algorithm).build(key), signerCertificate));
                }
                if (!certificates.isEmpty()) {
                    generator.addCertificates(new JcaCertStore(certificates));
                }
                for (X509CRL crl : crls) {
                    generator.addCRL(new org.bouncycastle.cert.X509CRLHolder(crl.getEncoded()));
                }
                return generator
                        .generate(new CMSProcessableByteArray(content.toByteArray()), false)
                        .getEncoded();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A CRL under any name, signed by {@code key}. */
    static X509CRL crl(X500Name issuer, PrivateKey key) {
        try {
            X509v2CRLBuilder builder =
                    new X509v2CRLBuilder(issuer, Date.from(Instant.now().minusSeconds(60)));
            builder.setNextUpdate(Date.from(Instant.now().plus(Duration.ofDays(1))));
            return new JcaX509CRLConverter()
                    .getCRL(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(key)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** BER: SEQUENCEs of indefinite length nested {@code depth} deep, then closed. */
    static byte[] nestedBer(int depth) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(depth * 4);
        for (int i = 0; i < depth; i++) {
            out.write(0x30);
            out.write(0x80);
        }
        for (int i = 0; i < depth; i++) {
            out.write(0);
            out.write(0);
        }
        return out.toByteArray();
    }

    /** A DER SEQUENCE of {@code count} NULLs: many elements, shallow. */
    static byte[] manyElements(int count) {
        ASN1EncodableVector v = new ASN1EncodableVector();
        for (int i = 0; i < count; i++) {
            v.add(org.bouncycastle.asn1.DERNull.INSTANCE);
        }
        try {
            return new DERSequence(v).getEncoded();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Protobuf bytes: {@code depth} nested unknown groups (field 15), which the parser recurses into. */
    static byte[] nestedGroups(int depth) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(depth * 2);
        for (int i = 0; i < depth; i++) {
            out.write((15 << 3) | 3);
        }
        for (int i = 0; i < depth; i++) {
            out.write((15 << 3) | 4);
        }
        return out.toByteArray();
    }

    static List<X509Certificate> copies(X509Certificate certificate, int count) {
        List<X509Certificate> list = new ArrayList<>(count);
        KeyPair issuer = rsa(2048);
        list.add(certificate);
        for (int i = 1; i < count; i++) {
            list.add(certificate(
                    certificate, spki(issuer.getPublic()), name(certificate, true), issuer.getPrivate(), 0));
        }
        return list;
    }
}
