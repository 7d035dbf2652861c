package kz.shlyuz.gateway.signature;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

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
 * Bounded by entries and by bytes ({@link BoundedCache}); an entry weighs the encodings of its
 * path, which it keeps alive.
 */
final class ValidatedChainCache {
    private static final int ENTRY_OVERHEAD_BYTES = 512;

    /** A path PKIX accepted, the anchor it ends at, and the instants its validity covers. */
    record Entry(List<X509Certificate> path, X509Certificate anchor, Instant from, Instant until) {}

    private final BoundedCache<String, Entry> entries;
    /**
     * Fingerprints already computed, by certificate: a certificate equals another only with the
     * same encoding, so its fingerprint is the same; the verifier hands the same parsed
     * certificate object each time, which the map finds without hashing its encoding again.
     */
    private final BoundedCache<X509Certificate, String> fingerprints;

    ValidatedChainCache(SignatureLimits.CacheBound bound) {
        this.entries = new BoundedCache<>(bound, (fingerprint, entry) -> bytes(entry));
        // Keyed by the certificate itself, which it keeps alive: weighs the certificate's encoding.
        this.fingerprints = new BoundedCache<>(
                bound, (certificate, fingerprint) -> 3L * encodedLength(certificate) + ENTRY_OVERHEAD_BYTES);
    }

    ValidatedChainCache() {
        this(SignatureLimits.Caches.defaults().chains());
    }

    private static long bytes(Entry entry) {
        long bytes = ENTRY_OVERHEAD_BYTES;
        for (X509Certificate certificate : entry.path()) {
            bytes += 3L * encodedLength(certificate);
        }
        return bytes;
    }

    private static int encodedLength(X509Certificate certificate) {
        try {
            return certificate.getEncoded().length;
        } catch (CertificateEncodingException e) {
            return 4096;
        }
    }

    /** The cached entry when {@code leaf} was validated before and the result holds at {@code at}; else null. */
    Entry find(X509Certificate leaf, Instant at) {
        // Not kept for a certificate seen for the first time: only validated paths fill the caches.
        String known = fingerprints.get(leaf);
        Entry entry = entries.get(known != null ? known : fingerprint(leaf));
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
        entries.put(fingerprintOf(leaf), new Entry(List.copyOf(path), anchor, from, until));
    }

    long size() {
        return entries.size();
    }

    long weight() {
        return entries.weight();
    }

    private String fingerprintOf(X509Certificate certificate) {
        String known = fingerprints.get(certificate);
        if (known != null) {
            return known;
        }
        String computed = fingerprint(certificate);
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
