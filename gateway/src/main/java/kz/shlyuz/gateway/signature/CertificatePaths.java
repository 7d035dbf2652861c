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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.security.auth.x500.X500Principal;
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
    /** The subjects of the trust's anchors and intermediates: the issuers a path can start from. */
    private Set<X500Principal> knownIssuers = Set.of();

    private final SignatureLimits.CacheBound chainBound;
    private ValidatedChainCache validated;

    /** A validated path: end entity first, without the anchor; and what revocation checking found. */
    record Validated(List<X509Certificate> path, X509Certificate anchor, String revocation) {}

    CertificatePaths(TrustSource source, RevocationCheck revocation) {
        this(source, revocation, SignatureLimits.Caches.defaults().chains());
    }

    CertificatePaths(TrustSource source, RevocationCheck revocation, SignatureLimits.CacheBound chainBound) {
        this.source = source;
        this.revocation = revocation;
        this.chainBound = chainBound;
        this.validated = new ValidatedChainCache(chainBound);
    }

    /**
     * Whether a path from {@code leaf} to the trust could exist at all, judged by names only (no
     * signature is checked): its issuer is an anchor or intermediate of the trust, or a supplied
     * certificate whose own issuer is. A {@code false} is a sure refusal, reached without any
     * arithmetic; a {@code true} still needs {@link #validate}.
     */
    boolean mayChain(X509Certificate leaf, Collection<X509Certificate> supplied) {
        Set<X500Principal> issuers = knownIssuersOf(source.current());
        X500Principal issuer = leaf.getIssuerX500Principal();
        if (issuers.contains(issuer)) {
            return true;
        }
        // Supplied intermediates extend the known issuers, level by level (at most one level per certificate).
        Set<X500Principal> reachable = new HashSet<>(issuers);
        for (int level = 0; level < supplied.size(); level++) {
            boolean grew = false;
            for (X509Certificate certificate : supplied) {
                if (!certificate.equals(leaf) && reachable.contains(certificate.getIssuerX500Principal())) {
                    grew |= reachable.add(certificate.getSubjectX500Principal());
                }
            }
            if (reachable.contains(issuer)) {
                return true;
            }
            if (!grew) {
                return false;
            }
        }
        return reachable.contains(issuer);
    }

    private synchronized Set<X500Principal> knownIssuersOf(TrustMaterial trust) {
        refreshFor(trust);
        return knownIssuers;
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
    // ReferenceEquality: each reload makes a new TrustMaterial; identity is the cheap "is it still the same load".
    @SuppressWarnings("ReferenceEquality")
    private void refreshFor(TrustMaterial trust) {
        if (trust != builtFor) {
            anchors =
                    trust.anchors().stream().map(c -> new TrustAnchor(c, null)).collect(Collectors.toSet());
            Set<X500Principal> issuers = new HashSet<>();
            trust.anchors().forEach(c -> issuers.add(c.getSubjectX500Principal()));
            trust.intermediates().forEach(c -> issuers.add(c.getSubjectX500Principal()));
            knownIssuers = Set.copyOf(issuers);
            validated = new ValidatedChainCache(chainBound);
            builtFor = trust;
        }
    }

    private static PKIXCertPathBuilderResult build(
            X509Certificate leaf, CertStore store, Instant at, Set<TrustAnchor> anchors)
            throws NoSuchAlgorithmException, InvalidAlgorithmParameterException {
        X509CertSelector target = new X509CertSelector();
        target.setCertificate(leaf);
        PKIXBuilderParameters params = new PKIXBuilderParameters(anchors, target);
        params.setDate(Date.from(at));
        params.setRevocationEnabled(false);
        params.addCertStore(store);
        try {
            return (PKIXCertPathBuilderResult)
                    CertPathBuilder.getInstance("PKIX").build(params);
        } catch (CertPathBuilderException e) {
            if (!leaf.getNotAfter().toInstant().isAfter(at)
                    || leaf.getNotBefore().toInstant().isAfter(at)) {
                throw new Refusal(
                        Reason.CERT_EXPIRED,
                        "valid " + leaf.getNotBefore().toInstant() + " … "
                                + leaf.getNotAfter().toInstant() + ", checked at " + at,
                        e);
            }
            throw new Refusal(
                    Reason.CERT_UNTRUSTED,
                    "issuer " + leaf.getIssuerX500Principal().getName(),
                    e);
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
