package kz.shlyuz.gateway.signature;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.Provider;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import kz.shlyuz.certs.identity.CertificateHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * What the verifier derives from a certificate's bytes, derived once per distinct certificate:
 * the JCA certificate, the holder's identity and BouncyCastle's SignerInformationVerifier (which
 * still checks the certificate's validity at each signature's signing time). Only the parsing is
 * saved; every check runs on every signature. Keyed by the exact DER encoding, so a different
 * certificate is never mistaken for a known one. (Keying by the holder itself is slower: its hash
 * walks the whole ASN.1 tree on every look-up.) Bounded: past {@link #MAX_ENTRIES} it starts over.
 */
final class SignerCertificates {
    static final int MAX_ENTRIES = 20_000;
    private static final Provider BC = new BouncyCastleProvider();

    private final Map<ByteBuffer, X509Certificate> certificates = new ConcurrentHashMap<>();
    private final Map<ByteBuffer, SignerInformationVerifier> verifiers = new ConcurrentHashMap<>();
    private final Map<X509Certificate, CertificateHolder> identities = new ConcurrentHashMap<>();
    private final JcaX509CertificateConverter converter = new JcaX509CertificateConverter();

    X509Certificate x509(X509CertificateHolder holder) throws CertificateException {
        ByteBuffer key = key(holder);
        X509Certificate known = certificates.get(key);
        if (known != null) {
            return known;
        }
        X509Certificate parsed = converter.getCertificate(holder);
        bound(certificates);
        certificates.put(key, parsed);
        return parsed;
    }

    SignerInformationVerifier verifier(X509CertificateHolder holder) throws OperatorCreationException, CertificateException {
        ByteBuffer key = key(holder);
        SignerInformationVerifier known = verifiers.get(key);
        if (known != null) {
            return known;
        }
        SignerInformationVerifier built = new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(holder);
        bound(verifiers);
        verifiers.put(key, built);
        return built;
    }

    CertificateHolder identity(X509Certificate certificate) {
        CertificateHolder known = identities.get(certificate);
        if (known != null) {
            return known;
        }
        CertificateHolder read = CertificateHolder.of(certificate);
        bound(identities);
        identities.put(certificate, read);
        return read;
    }

    private static ByteBuffer key(X509CertificateHolder holder) throws CertificateException {
        try {
            return ByteBuffer.wrap(holder.getEncoded());
        } catch (IOException e) {
            throw new CertificateException("certificate cannot be encoded", e);
        }
    }

    private static void bound(Map<?, ?> map) {
        if (map.size() >= MAX_ENTRIES) {
            map.clear();
        }
    }
}
