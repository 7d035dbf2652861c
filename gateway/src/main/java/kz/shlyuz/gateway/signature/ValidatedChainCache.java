package kz.shlyuz.gateway.signature;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Certificate paths that PKIX has already built and validated, so the same signer's next
 * signature skips both (the same citizens and agencies sign again and again).
 *
 * <p>Keyed by the SHA-256 fingerprint of the end-entity certificate's encoding. An entry answers
 * only for instants where the original conclusion cannot change with the same trust material:
 * inside the validity of every certificate of the path and of the anchor. Revocation is not part
 * of what is cached: {@link RevocationCheck} runs on every signature with its own
 * freshness-bounded OCSP cache and current CRLs. Refusals are not cached. A cache belongs to one
 * {@link TrustMaterial}; {@link CertificatePaths} starts a new one when the trust is reloaded.
 */
final class ValidatedChainCache {
    /** Bounded: past this many signers the cache starts over rather than grow. */
    static final int MAX_ENTRIES = 50_000;

    /** A path PKIX accepted, the anchor it ends at, and the instants its validity covers. */
    record Entry(List<X509Certificate> path, X509Certificate anchor, Instant from, Instant until) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /**
     * Fingerprints already computed, by certificate: a certificate equals another only with the
     * same encoding, so its fingerprint is the same; the verifier hands the same parsed
     * certificate object each time, which the map finds without hashing its encoding again.
     */
    private final Map<X509Certificate, String> fingerprints = new ConcurrentHashMap<>();

    /** The cached entry when {@code leaf} was validated before and the result holds at {@code at}; else null. */
    Entry find(X509Certificate leaf, Instant at) {
        Entry entry = entries.get(fingerprintOf(leaf));
        if (entry == null || at.isBefore(entry.from) || !at.isBefore(entry.until)) {
            return null;
        }
        return entry;
    }

    /** Remembers a path PKIX has just validated (end entity first) up to {@code anchor}. */
    void remember(X509Certificate leaf, List<X509Certificate> path, X509Certificate anchor) {
        Instant from = anchor.getNotBefore().toInstant();
        Instant until = anchor.getNotAfter().toInstant();
        for (X509Certificate certificate : path) {
            from = max(from, certificate.getNotBefore().toInstant());
            until = min(until, certificate.getNotAfter().toInstant());
        }
        if (!from.isBefore(until)) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(fingerprintOf(leaf), new Entry(List.copyOf(path), anchor, from, until));
    }

    int size() {
        return entries.size();
    }

    private String fingerprintOf(X509Certificate certificate) {
        String known = fingerprints.get(certificate);
        if (known != null) {
            return known;
        }
        String computed = fingerprint(certificate);
        if (fingerprints.size() >= MAX_ENTRIES) {
            fingerprints.clear();
        }
        fingerprints.put(certificate, computed);
        return computed;
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
