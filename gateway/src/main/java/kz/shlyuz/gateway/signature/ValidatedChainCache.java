package kz.shlyuz.gateway.signature;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Certificate paths that PKIX has already validated, so that the same signer's next signature
 * skips the build and validation (the same citizens and agencies sign again and again).
 *
 * <p>Keyed by the SHA-256 fingerprint of the end-entity certificate's encoding. An entry answers
 * only for instants inside the window where the original validation's conclusion cannot change
 * with the same trust material: every certificate of the path and the anchor is within its
 * validity, and every CRL of the trust material is current (at or after its thisUpdate, before
 * its nextUpdate, so an expired CRL sends the call back to PKIX, which refuses it). A certificate
 * listed on any of the CRLs is never cached, whatever its revocation date. Refusals are not
 * cached. A cache belongs to one {@link CertificatePaths} and so to one {@link TrustMaterial}: new
 * CRLs come with new trust material and hence an empty cache.
 */
final class ValidatedChainCache {
    /** Bounded: past this many signers the cache starts over rather than grow. */
    static final int MAX_ENTRIES = 50_000;

    private record Entry(List<X509Certificate> path, Instant from, Instant until) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Collection<X509CRL> crls;

    ValidatedChainCache(Collection<X509CRL> crls) {
        this.crls = List.copyOf(crls);
    }

    /** The cached path when {@code leaf} was validated before and the result holds at {@code at}; else null. */
    List<X509Certificate> find(X509Certificate leaf, Instant at) {
        Entry entry = entries.get(fingerprint(leaf));
        if (entry == null || at.isBefore(entry.from) || !at.isBefore(entry.until)) {
            return null;
        }
        return entry.path;
    }

    /**
     * Remembers a path PKIX has just validated (end entity first) up to {@code anchor}; returns
     * the path as kept (or as given, when it may not be kept).
     */
    List<X509Certificate> remember(X509Certificate leaf, List<X509Certificate> path, X509Certificate anchor) {
        Instant from = Instant.MIN;
        Instant until = Instant.MAX;
        for (X509CRL crl : crls) {
            if (crl.getNextUpdate() == null || crl.getRevokedCertificate(leaf) != null) {
                return path;
            }
            from = max(from, crl.getThisUpdate().toInstant());
            until = min(until, crl.getNextUpdate().toInstant());
        }
        for (X509Certificate certificate : path) {
            from = max(from, certificate.getNotBefore().toInstant());
            until = min(until, certificate.getNotAfter().toInstant());
        }
        if (anchor != null) {
            from = max(from, anchor.getNotBefore().toInstant());
            until = min(until, anchor.getNotAfter().toInstant());
        }
        if (!from.isBefore(until)) {
            return path;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        List<X509Certificate> kept = List.copyOf(path);
        entries.put(fingerprint(leaf), new Entry(kept, from, until));
        return kept;
    }

    int size() {
        return entries.size();
    }

    static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("certificate fingerprint", e);
        }
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
