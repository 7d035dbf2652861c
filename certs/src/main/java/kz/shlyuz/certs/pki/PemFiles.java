package kz.shlyuz.certs.pki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

/** PEM encoding and decoding of certificates, unencrypted PKCS#8 private keys and CRLs. */
final class PemFiles {
    private static final String CERTIFICATE = "CERTIFICATE";
    private static final String PRIVATE_KEY = "PRIVATE KEY";
    private static final String CRL = "X509 CRL";

    private PemFiles() {}

    static String certificates(List<X509Certificate> certificates) {
        List<PemObject> objects = new ArrayList<>();
        for (X509Certificate certificate : certificates) {
            try {
                objects.add(new PemObject(CERTIFICATE, certificate.getEncoded()));
            } catch (CertificateException e) {
                throw new IllegalStateException("cannot encode " + certificate.getSubjectX500Principal(), e);
            }
        }
        return encode(objects);
    }

    /** Unencrypted PKCS#8 (PEM label "PRIVATE KEY"), what gRPC, OpenSSL and curl all read. */
    static String privateKey(PrivateKey key) {
        return encode(List.of(new PemObject(PRIVATE_KEY, key.getEncoded())));
    }

    static String crl(X509CRL crl) {
        try {
            return encode(List.of(new PemObject(CRL, crl.getEncoded())));
        } catch (CRLException e) {
            throw new IllegalStateException("cannot encode CRL of " + crl.getIssuerX500Principal(), e);
        }
    }

    static List<X509Certificate> readCertificates(Path file) {
        List<X509Certificate> result = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (PemObject object : read(file)) {
                if (CERTIFICATE.equals(object.getType())) {
                    result.add((X509Certificate)
                            factory.generateCertificate(new ByteArrayInputStream(object.getContent())));
                }
            }
        } catch (CertificateException e) {
            throw new IllegalStateException(file + ": not a valid X.509 certificate (" + e.getMessage() + ")", e);
        }
        if (result.isEmpty()) {
            throw new IllegalStateException(file + ": no PEM certificate (expected: -----BEGIN CERTIFICATE-----)");
        }
        return result;
    }

    static X509Certificate readCertificate(Path file) {
        return readCertificates(file).get(0);
    }

    static PrivateKey readPrivateKey(Path file) {
        for (PemObject object : read(file)) {
            if (PRIVATE_KEY.equals(object.getType())) {
                return privateKey(file, object.getContent());
            }
        }
        throw new IllegalStateException(file + ": no PKCS#8 key (expected: a PEM block labelled PRIVATE KEY)");
    }

    static X509CRL readDerCrl(Path file) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            return (X509CRL) factory.generateCRL(new ByteArrayInputStream(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (CertificateException | CRLException e) {
            throw new IllegalStateException(file + ": not a DER X.509 CRL (" + e.getMessage() + ")", e);
        }
    }

    private static PrivateKey privateKey(Path file, byte[] pkcs8) {
        try {
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(pkcs8);
            if (kz.shlyuz.certs.gost.GostAlgorithm.ofKey(
                            info.getPrivateKeyAlgorithm().getAlgorithm())
                    .isPresent()) {
                return kz.shlyuz.certs.gost.GostKeys.privateKey(info);
            }
            // The default JCA providers, so RSA keys are the JDK's own classes that JSSE takes as they are.
            return new JcaPEMKeyConverter().getPrivateKey(PrivateKeyInfo.getInstance(pkcs8));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(file + ": unreadable private key (" + e.getMessage() + ")", e);
        }
    }

    private static List<PemObject> read(Path file) {
        List<PemObject> objects = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
                PemReader pem = new PemReader(reader)) {
            for (PemObject object = pem.readPemObject(); object != null; object = pem.readPemObject()) {
                objects.add(object);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return objects;
    }

    private static String encode(List<PemObject> objects) {
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            for (PemObject object : objects) {
                writer.writeObject(object);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
