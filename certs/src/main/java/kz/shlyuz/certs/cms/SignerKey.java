package kz.shlyuz.certs.cms;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A signer's private key, certificate and issuer chain (without the root).
 *
 * @param privateKey the key that signs
 * @param certificate the signer's certificate, whose public key matches {@code privateKey}
 * @param chain the issuing certificates, nearest first, without the trust anchor; a chain that
 *     starts with {@code certificate} itself (as {@code DevPki.chain} returns it) is accepted and
 *     the duplicate dropped
 */
public record SignerKey(PrivateKey privateKey, X509Certificate certificate, List<X509Certificate> chain) {

    public SignerKey {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(certificate, "certificate");
        chain = chain == null ? List.of() : List.copyOf(chain);
        if (!chain.isEmpty() && chain.get(0).equals(certificate)) {
            chain = chain.subList(1, chain.size());
        }
    }

    /** A signer whose certificate is issued directly by a trust anchor. */
    public SignerKey(PrivateKey privateKey, X509Certificate certificate) {
        this(privateKey, certificate, List.of());
    }

    @Override
    public String toString() {
        // Never print key material; the subject is enough to tell signers apart.
        return "SignerKey[" + certificate.getSubjectX500Principal().getName() + ", chain=" + chain.size() + "]";
    }
}
