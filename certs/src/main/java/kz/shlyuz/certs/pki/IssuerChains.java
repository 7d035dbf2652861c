package kz.shlyuz.certs.pki;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The issuer chains inside one dev PKI: from a certificate up through the CAs of the PKI that
 * issued it (by name and by signature), without the self-signed root a verifier holds as its
 * anchor.
 */
final class IssuerChains {
    private static final int MAX_CHAIN = 8;

    private final List<Identity> cas;
    private final Function<Identity, X509Certificate> certificates;

    /**
     * @param cas the PKI's CA identities, in index order
     * @param certificates reads (or returns the kept) certificate of an identity
     */
    IssuerChains(List<Identity> cas, Function<Identity, X509Certificate> certificates) {
        this.cas = List.copyOf(cas);
        this.certificates = certificates;
    }

    /**
     * The certificate, then the intermediates that issued it, without the self-signed root. A
     * root's chain is the root alone; a certificate whose issuer is not a CA of this PKI has only
     * itself.
     */
    List<X509Certificate> of(X509Certificate certificate) {
        List<X509Certificate> chain = new ArrayList<>();
        X509Certificate current = certificate;
        chain.add(current);
        while (chain.size() < MAX_CHAIN && !selfIssued(current)) {
            X509Certificate issuer = issuerOf(current);
            if (issuer == null || selfIssued(issuer)) {
                break;
            }
            chain.add(issuer);
            current = issuer;
        }
        return List.copyOf(chain);
    }

    private X509Certificate issuerOf(X509Certificate certificate) {
        for (Identity ca : cas) {
            X509Certificate candidate = certificates.apply(ca);
            if (candidate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())
                    && signedBy(certificate, candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean selfIssued(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())
                && signedBy(certificate, certificate);
    }

    private static boolean signedBy(X509Certificate certificate, X509Certificate issuer) {
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
