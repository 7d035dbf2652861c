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
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import kz.shlyuz.gateway.status.Reason;
import kz.shlyuz.gateway.status.Refusal;

/**
 * Validates a signer certificate's path to the trust anchors at a given instant with the JDK's
 * PKIX implementation, checking the end-entity certificate against the issuers' CRLs.
 *
 * <p>The path is built without revocation and then validated with it, because the JDK's builder
 * reports a revoked certificate only as "no path", while the validator names the reason.
 */
final class CertificatePaths {
    private final Set<TrustAnchor> anchors;
    private final TrustMaterial trust;
    private final ValidatedChainCache validated;

    CertificatePaths(TrustMaterial trust) {
        this.trust = trust;
        this.anchors = trust.anchors().stream().map(c -> new TrustAnchor(c, null)).collect(Collectors.toSet());
        this.validated = new ValidatedChainCache(trust.crls());
    }

    /** Returns the validated path (end entity first, without the anchor) or refuses. */
    List<X509Certificate> validate(X509Certificate leaf, Collection<X509Certificate> supplied, Instant at) {
        List<X509Certificate> known = validated.find(leaf, at);
        if (known != null) {
            return known;
        }
        Validated fresh = validateWithPkix(leaf, supplied, at);
        return validated.remember(leaf, fresh.path(), fresh.anchor());
    }

    /** A path PKIX accepted and the trust anchor it ends at. */
    private record Validated(List<X509Certificate> path, X509Certificate anchor) {}

    private Validated validateWithPkix(X509Certificate leaf, Collection<X509Certificate> supplied,
            Instant at) {
        List<Object> storeContent = new ArrayList<>(supplied);
        storeContent.addAll(trust.intermediates());
        storeContent.addAll(trust.crls());
        try {
            CertStore store = CertStore.getInstance("Collection", new CollectionCertStoreParameters(storeContent));
            CertPath path = build(leaf, store, at);
            PKIXParameters params = new PKIXParameters(anchors);
            params.setDate(Date.from(at));
            params.addCertStore(store);
            CertPathValidator validator = CertPathValidator.getInstance("PKIX");
            PKIXRevocationChecker revocation = (PKIXRevocationChecker) validator.getRevocationChecker();
            // CRLs are what the dev CA publishes; intermediates are covered by the root's trust.
            revocation.setOptions(EnumSet.of(PKIXRevocationChecker.Option.ONLY_END_ENTITY,
                    PKIXRevocationChecker.Option.PREFER_CRLS, PKIXRevocationChecker.Option.NO_FALLBACK));
            params.setRevocationEnabled(false);
            params.addCertPathChecker(revocation);
            var result = (java.security.cert.PKIXCertPathValidatorResult) validator.validate(path, params);
            @SuppressWarnings("unchecked")
            List<X509Certificate> certificates = (List<X509Certificate>) path.getCertificates();
            return new Validated(certificates, result.getTrustAnchor().getTrustedCert());
        } catch (CertPathValidatorException e) {
            throw refusalFor(e);
        } catch (NoSuchAlgorithmException | InvalidAlgorithmParameterException e) {
            throw new IllegalStateException("PKIX is not available", e);
        }
    }

    private CertPath build(X509Certificate leaf, CertStore store, Instant at)
            throws NoSuchAlgorithmException, InvalidAlgorithmParameterException {
        X509CertSelector target = new X509CertSelector();
        target.setCertificate(leaf);
        PKIXBuilderParameters params = new PKIXBuilderParameters(anchors, target);
        params.setDate(Date.from(at));
        params.setRevocationEnabled(false);
        params.addCertStore(store);
        try {
            PKIXCertPathBuilderResult result = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(params);
            return result.getCertPath();
        } catch (CertPathBuilderException e) {
            if (!leaf.getNotAfter().after(Date.from(at)) || leaf.getNotBefore().after(Date.from(at))) {
                throw new Refusal(Reason.CERT_EXPIRED, "valid " + leaf.getNotBefore().toInstant() + " … "
                        + leaf.getNotAfter().toInstant(), e);
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
