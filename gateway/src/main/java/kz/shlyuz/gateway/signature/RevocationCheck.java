package kz.shlyuz.gateway.signature;

import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kz.shlyuz.gateway.status.Reason;
import kz.shlyuz.gateway.status.Refusal;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;

/**
 * Whether a signer's certificate was revoked at the instant it is judged at, the way the national
 * CA publishes it: OCSP first (the configured responder, else the certificate's AIA), then the
 * issuer's CRL from the trust store (re-read when the trust folder's CRL is replaced). When
 * neither answers, the policy decides: refuse with {@code REVOCATION_UNKNOWN} naming both
 * failures, or accept and say so.
 */
final class RevocationCheck {
    private final OcspClient ocsp;
    private final URI configuredResponder;
    private final VerificationPolicy.RevocationMode mode;
    private final Clock clock;
    /** Which CRLs of the current trust speak for which certificate: see {@link CrlSignatures}. */
    private final SignatureLimits.CacheBound crlBound;

    private CrlSignatures crlSignatures;
    private final SignatureEvents events;

    /**
     * @param ocsp the OCSP client, or {@code null} to use CRLs only
     * @param configuredResponder the responder to ask about every certificate, or {@code null} to
     *     use each certificate's AIA
     */
    RevocationCheck(OcspClient ocsp, URI configuredResponder, VerificationPolicy.RevocationMode mode, Clock clock) {
        this(
                ocsp,
                configuredResponder,
                mode,
                clock,
                SignatureLimits.Caches.defaults().crlSelections(),
                SignatureEvents.NONE);
    }

    /** @param events where each decision taken from a CRL is told */
    RevocationCheck(
            OcspClient ocsp,
            URI configuredResponder,
            VerificationPolicy.RevocationMode mode,
            Clock clock,
            SignatureLimits.CacheBound crlBound,
            SignatureEvents events) {
        this.events = events;
        this.crlBound = crlBound;
        this.crlSignatures = new CrlSignatures(null, crlBound);
        this.ocsp = ocsp;
        this.configuredResponder = configuredResponder;
        this.mode = mode;
        this.clock = clock;
    }

    /**
     * What the last {@link #check} on this thread relied on. A side channel rather than a richer
     * result type so that the path validation between this check and {@link SignatureVerifier}
     * (and its caches) stays as it is; the verifier takes it right after validating a path.
     */
    private static final ThreadLocal<RevocationEvidence> LAST_EVIDENCE = new ThreadLocal<>();

    /** The evidence of this thread's last check, cleared. */
    static RevocationEvidence takeEvidence() {
        RevocationEvidence evidence = LAST_EVIDENCE.get();
        LAST_EVIDENCE.remove();
        return evidence == null ? RevocationEvidence.NONE : evidence;
    }

    /** Returns what was found, in words, or refuses a revoked (or, by policy, unknown) certificate. */
    String check(X509Certificate certificate, X509Certificate issuer, TrustMaterial trust, Instant at) {
        LAST_EVIDENCE.remove();
        String ocspProblem;
        Optional<URI> responder = responder(certificate);
        if (ocsp == null || responder.isEmpty()) {
            ocspProblem = "no OCSP responder";
        } else {
            OcspClient.Answer answer = ocsp.status(certificate, issuer, responder.get());
            if (answer instanceof OcspClient.Answer.Good good) {
                LAST_EVIDENCE.set(new RevocationEvidence(good.response(), null));
                return "not revoked (OCSP " + responder.get() + ", thisUpdate " + good.thisUpdate() + ", nextUpdate "
                        + good.nextUpdate() + (good.cached() ? ", cached" : "") + ")";
            }
            if (answer instanceof OcspClient.Answer.Revoked revoked) {
                if (!revoked.at().isAfter(at)) {
                    throw new Refusal(Reason.CERT_REVOKED, revoked.at() + ", " + revoked.reason() + " (OCSP)");
                }
                LAST_EVIDENCE.set(new RevocationEvidence(revoked.response(), null));
                return "revoked " + revoked.at() + " (" + revoked.reason() + "), after " + at + " (OCSP)";
            }
            ocspProblem = "OCSP: " + ((OcspClient.Answer.Failed) answer).why();
        }
        X509CRL crl = currentCrl(certificate, issuer, trust);
        if (crl != null) {
            X509CRLEntry entry = crl.getRevokedCertificate(certificate);
            if (entry != null && !entry.getRevocationDate().toInstant().isAfter(at)) {
                events.crl("revoked");
                throw new Refusal(
                        Reason.CERT_REVOKED,
                        entry.getRevocationDate().toInstant() + ", " + entry.getRevocationReason());
            }
            LAST_EVIDENCE.set(new RevocationEvidence(null, crl));
            events.crl("good");
            return "not revoked (CRL of " + crlSignaturesOf(trust).name(issuer) + ", thisUpdate "
                    + crl.getThisUpdate().toInstant() + "; " + ocspProblem + ")";
        }
        events.crl("none");
        String problem = ocspProblem + "; CRL: " + crlProblem(certificate, issuer, trust);
        if (mode == VerificationPolicy.RevocationMode.SOFT_FAIL) {
            return "unknown, accepted by policy (" + problem + ")";
        }
        throw new Refusal(Reason.REVOCATION_UNKNOWN, problem);
    }

    private Optional<URI> responder(X509Certificate certificate) {
        if (configuredResponder != null) {
            return Optional.of(configuredResponder);
        }
        byte[] extension = certificate.getExtensionValue(Extension.authorityInfoAccess.getId());
        if (extension == null) {
            return Optional.empty();
        }
        try {
            AuthorityInformationAccess aia = AuthorityInformationAccess.getInstance(
                    ASN1OctetString.getInstance(extension).getOctets());
            for (AccessDescription description : aia.getAccessDescriptions()) {
                if (description.getAccessMethod().equals(AccessDescription.id_ad_ocsp)
                        && description.getAccessLocation().getTagNo() == GeneralName.uniformResourceIdentifier) {
                    URI uri =
                            URI.create(description.getAccessLocation().getName().toString());
                    if ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) {
                        return Optional.of(uri);
                    }
                }
            }
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The newest CRL of {@code issuer} in the trust whose signature holds and whose nextUpdate has not passed. */
    private X509CRL currentCrl(X509Certificate certificate, X509Certificate issuer, TrustMaterial trust) {
        Instant now = clock.instant();
        X509CRL best = null;
        for (X509CRL crl : crlSignaturesOf(trust).ofIssuer(certificate, issuer)) {
            if (crl.getNextUpdate() != null && crl.getNextUpdate().toInstant().isBefore(now)) {
                continue;
            }
            if (best == null
                    || crl.getThisUpdate()
                            .toInstant()
                            .isAfter(best.getThisUpdate().toInstant())) {
                best = crl;
            }
        }
        return best;
    }

    private String crlProblem(X509Certificate certificate, X509Certificate issuer, TrustMaterial trust) {
        boolean any = trust.crls().stream()
                .anyMatch(c ->
                        c.getIssuerX500Principal().equals(certificate.getIssuerX500Principal()) && signedBy(c, issuer));
        return any
                ? "the CRL of " + issuer.getSubjectX500Principal().getName() + " is past its nextUpdate"
                : "no CRL of " + issuer.getSubjectX500Principal().getName() + " in the trust store";
    }

    // ReferenceEquality: each reload makes a new TrustMaterial; identity is the cheap "is it still the same load".
    @SuppressWarnings("ReferenceEquality")
    private synchronized CrlSignatures crlSignaturesOf(TrustMaterial trust) {
        if (crlSignatures.trust != trust) {
            crlSignatures = new CrlSignatures(trust, crlBound);
        }
        return crlSignatures;
    }

    /**
     * Which CRLs of one trust material can speak for a certificate: those under the name of the
     * certificate's issuer whose signature holds with the issuer certificate's key. Kept for the
     * certificate, issuer and CRL objects of that trust: all are immutable, so the answer cannot
     * change, and a reloaded trust (new CRLs) starts empty. Only this selection is kept; whether a
     * CRL is current and whether it lists the certificate are judged on every signature. Bounded by
     * entries and bytes ({@link BoundedCache}); the certificates it names are already held by the
     * other caches, so an entry weighs little.
     */
    private static final class CrlSignatures {
        private static final int ENTRY_BYTES = 256;
        final TrustMaterial trust;
        private final BoundedCache<Pair, List<X509CRL>> selections;
        private final BoundedCache<Pair, String> names;

        CrlSignatures(TrustMaterial trust, SignatureLimits.CacheBound bound) {
            this.trust = trust;
            this.selections = new BoundedCache<>(bound, (pair, crls) -> ENTRY_BYTES + 8L * crls.size());
            this.names = new BoundedCache<>(bound, (pair, name) -> ENTRY_BYTES + 2L * name.length());
        }

        /** The trust's CRLs of {@code certificate}'s issuer name signed by {@code issuer}, in the trust's order. */
        List<X509CRL> ofIssuer(X509Certificate certificate, X509Certificate issuer) {
            Pair pair = new Pair(certificate, issuer);
            List<X509CRL> known = selections.get(pair);
            if (known != null) {
                return known;
            }
            List<X509CRL> selected = new ArrayList<>();
            for (X509CRL crl : trust.crls()) {
                if (crl.getIssuerX500Principal().equals(certificate.getIssuerX500Principal())
                        && RevocationCheck.signedBy(crl, issuer)) {
                    selected.add(crl);
                }
            }
            List<X509CRL> kept = List.copyOf(selected);
            selections.put(pair, kept);
            return kept;
        }

        /** The issuer's subject name (RFC 2253), for the report. */
        String name(X509Certificate issuer) {
            Pair pair = new Pair(issuer, issuer);
            String known = names.get(pair);
            if (known != null) {
                return known;
            }
            String name = issuer.getSubjectX500Principal().getName();
            names.put(pair, name);
            return name;
        }

        /** The two objects themselves (an X509CRL's or certificate's own hash may hash its encoding). */
        private record Pair(Object first, Object second) {
            @Override
            public boolean equals(Object other) {
                return other instanceof Pair p && p.first == first && p.second == second;
            }

            @Override
            public int hashCode() {
                return 31 * System.identityHashCode(first) + System.identityHashCode(second);
            }
        }
    }

    private static boolean signedBy(X509CRL crl, X509Certificate issuer) {
        try {
            crl.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
