package kz.shlyuz.gateway.signature;

import java.security.InvalidAlgorithmParameterException;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertPath;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateRevokedException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import kz.shlyuz.gateway.status.Reason;
import kz.shlyuz.gateway.status.Refusal;

/**
 * Validates a signer certificate's path to the trust anchors at a given instant with the JDK's
 * PKIX implementation (GOST included, through {@link kz.shlyuz.certs.gost.GostProvider}), then
 * the end-entity certificate's revocation with {@link RevocationCheck}.
 *
 * <p>The path is built and then validated, because the JDK's builder reports a defect only as
 * "no path", while the validator names the reason.
 */
final class CertificatePaths {
    private final TrustSource source;
    private final RevocationCheck revocation;
    private TrustMaterial builtFor;
    private Set<TrustAnchor> anchors;
    private ValidatedChainCache validated = new ValidatedChainCache();

    /** A validated path: end entity first, without the anchor; and what revocation checking found. */
    record Validated(List<X509Certificate> path, X509Certificate anchor, String revocation) {}

    CertificatePaths(TrustSource source, RevocationCheck revocation) {
        this.source = source;
        this.revocation = revocation;
    }

    /** Returns the validated path or refuses. */
    Validated validate(X509Certificate leaf, Collection<X509Certificate> supplied, Instant at) {
        TrustMaterial trust = source.current();
        Set<TrustAnchor> trustAnchors = anchorsOf(trust);
        ValidatedChainCache cache = cacheOf(trust);
        ValidatedChainCache.Entry known = cache.find(leaf, at);
        if (known != null) {
            X509Certificate issuer = known.path().size() > 1 ? known.path().get(1) : known.anchor();
            return new Validated(known.path(), known.anchor(), revocation.check(leaf, issuer, trust, at));
        }
        List<Object> storeContent = new ArrayList<>(supplied);
        storeContent.addAll(trust.intermediates());
        storeContent.addAll(trust.crls());
        try {
            CertStore store = CertStore.getInstance("Collection", new CollectionCertStoreParameters(storeContent));
            PKIXCertPathBuilderResult built = build(leaf, store, at, trustAnchors);
            CertPath path = built.getCertPath();
            PKIXParameters params = new PKIXParameters(trustAnchors);
            params.setDate(Date.from(at));
            params.addCertStore(store);
            // Revocation is checked below, the national CA's way (OCSP, then CRL), not by the JDK,
            // which would fetch distribution points on its own.
            params.setRevocationEnabled(false);
            CertPathValidator.getInstance("PKIX").validate(path, params);
            @SuppressWarnings("unchecked")
            List<X509Certificate> certificates = (List<X509Certificate>) path.getCertificates();
            X509Certificate anchor = built.getTrustAnchor().getTrustedCert();
            X509Certificate issuer = certificates.size() > 1 ? certificates.get(1) : anchor;
            String status = revocation.check(leaf, issuer, trust, at);
            List<X509Certificate> kept = List.copyOf(certificates);
            cache.remember(leaf, kept, anchor);
            return new Validated(kept, anchor, status);
        } catch (CertPathValidatorException e) {
            throw refusalFor(e);
        } catch (NoSuchAlgorithmException | InvalidAlgorithmParameterException e) {
            throw new IllegalStateException("PKIX is not available", e);
        }
    }

    private synchronized Set<TrustAnchor> anchorsOf(TrustMaterial trust) {
        refreshFor(trust);
        return anchors;
    }

    private synchronized ValidatedChainCache cacheOf(TrustMaterial trust) {
        refreshFor(trust);
        return validated;
    }

    /** Reloaded trust (new anchors, intermediates or CRLs) starts with fresh anchors and an empty cache. */
    private void refreshFor(TrustMaterial trust) {
        if (trust != builtFor) {
            anchors = trust.anchors().stream().map(c -> new TrustAnchor(c, null)).collect(Collectors.toSet());
            validated = new ValidatedChainCache();
            builtFor = trust;
        }
    }

    private static PKIXCertPathBuilderResult build(X509Certificate leaf, CertStore store, Instant at,
            Set<TrustAnchor> anchors) throws NoSuchAlgorithmException, InvalidAlgorithmParameterException {
        X509CertSelector target = new X509CertSelector();
        target.setCertificate(leaf);
        PKIXBuilderParameters params = new PKIXBuilderParameters(anchors, target);
        params.setDate(Date.from(at));
        params.setRevocationEnabled(false);
        params.addCertStore(store);
        try {
            return (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(params);
        } catch (CertPathBuilderException e) {
            if (!leaf.getNotAfter().after(Date.from(at)) || leaf.getNotBefore().after(Date.from(at))) {
                throw new Refusal(Reason.CERT_EXPIRED, "valid " + leaf.getNotBefore().toInstant() + " … "
                        + leaf.getNotAfter().toInstant() + ", checked at " + at, e);
            }
            throw new Refusal(Reason.CERT_UNTRUSTED, "issuer " + leaf.getIssuerX500Principal().getName(), e);
        }
    }

    private static Refusal refusalFor(CertPathValidatorException e) {
        CertPathValidatorException.Reason reason = e.getReason();
        if (reason == CertPathValidatorException.BasicReason.REVOKED) {
            String detail = e.getCause() instanceof CertificateRevokedException revoked
                    ? revoked.getRevocationDate().toInstant() + ", " + revoked.getRevocationReason()
                    : "CRL";
            return new Refusal(Reason.CERT_REVOKED, detail, e);
        }
        if (reason == CertPathValidatorException.BasicReason.EXPIRED
                || reason == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
            return new Refusal(Reason.CERT_EXPIRED, "a certificate in the chain", e);
        }
        if (reason == CertPathValidatorException.BasicReason.UNDETERMINED_REVOCATION_STATUS) {
            return new Refusal(Reason.REVOCATION_UNKNOWN, "no current CRL", e);
        }
        if (reason == PKIXReason.NO_TRUST_ANCHOR) {
            return new Refusal(Reason.CERT_UNTRUSTED, "no trusted root", e);
        }
        return new Refusal(Reason.CERT_UNTRUSTED, String.valueOf(e.getMessage()), e);
    }
}
