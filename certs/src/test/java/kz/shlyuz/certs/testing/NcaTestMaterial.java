package kz.shlyuz.certs.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagFactory;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEInputDecryptorProviderBuilder;

/** The national CA's published test material in ../shared/nca-test, found from any module directory. */
public final class NcaTestMaterial {
    private NcaTestMaterial() {}

    /** The folder, found by walking up from the working directory to a parent holding shared/nca-test. */
    public static Path dir() {
        Path current = Path.of("").toAbsolutePath();
        while (current != null) {
            for (Path candidate : List.of(current.resolve("shared/nca-test"), current.resolve("../shared/nca-test"))) {
                if (Files.isRegularFile(candidate.resolve("README.md"))) {
                    return candidate.normalize();
                }
            }
            current = current.getParent();
        }
        throw new IllegalStateException(
                "no shared/nca-test above " + Path.of("").toAbsolutePath());
    }

    public static Path file(String relative) {
        return dir().resolve(relative);
    }

    public static X509Certificate certificate(String relative) {
        try (InputStream in = Files.newInputStream(file(relative))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A file's bytes as they are. */
    public static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(file(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A base64 text file (whitespace and PEM-less) decoded to DER. */
    public static byte[] base64(String relative) {
        try {
            return Base64.getMimeDecoder()
                    .decode(Files.readString(file(relative)).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Key and certificates of a legacy-encrypted .p12, read with bcpkix's PKCS12PfxPdu. */
    public record P12(PrivateKeyInfo key, List<X509CertificateHolder> certificates) {}

    public static P12 p12(String relative, String password) {
        try {
            PKCS12PfxPdu pfx = new PKCS12PfxPdu(Files.readAllBytes(file(relative)));
            InputDecryptorProvider decryptor = new JcePKCSPBEInputDecryptorProviderBuilder()
                    .setProvider(new BouncyCastleProvider())
                    .build(password.toCharArray());
            PrivateKeyInfo key = null;
            List<X509CertificateHolder> certificates = new ArrayList<>();
            for (var info : pfx.getContentInfos()) {
                PKCS12SafeBagFactory factory = info.getContentType().equals(PKCSObjectIdentifiers.encryptedData)
                        ? new PKCS12SafeBagFactory(info, decryptor)
                        : new PKCS12SafeBagFactory(info);
                for (PKCS12SafeBag bag : factory.getSafeBags()) {
                    if (bag.getBagValue() instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                        key = encrypted.decryptPrivateKeyInfo(decryptor);
                    } else if (bag.getBagValue() instanceof X509CertificateHolder certificate) {
                        certificates.add(certificate);
                    }
                }
            }
            return new P12(key, certificates);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + relative, e);
        }
    }
}
