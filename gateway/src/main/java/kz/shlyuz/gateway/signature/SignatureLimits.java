package kz.shlyuz.gateway.signature;

import java.util.Objects;

/**
 * What one signature may cost the gateway, checked before the work it bounds: sizes and counts
 * before parsing, key sizes before any arithmetic, and what the caches may hold. The defaults fit
 * what the national CA issues (RSA 2048–4096 bits with exponent 65537, certificates of 1–3 KB,
 * one or two signers) with a wide margin; see docs/LIMITS-SIGNATURE.md.
 *
 * @param maxCertificateBytes the largest certificate a CMS may carry (checked before it is parsed)
 * @param maxSigners SignerInfos in one CMS
 * @param maxCertificates certificates in one CMS
 * @param maxCrls CRLs in one CMS (the gateway takes CRLs from its trust store, not from callers)
 * @param maxAttributes signed plus unsigned attributes of one SignerInfo
 * @param maxNestingDepth how deep ASN.1 elements may nest in a CMS (checked before BER parsing,
 *     whose parser recurses)
 * @param maxElements ASN.1 elements in one CMS
 * @param rsaMinBits smallest RSA modulus of a signer's key
 * @param rsaMaxBits largest RSA modulus of a signer's key
 * @param rsaMaxExponentBits largest RSA public exponent, in bits (it must also be odd and at least 3)
 * @param caches how much the verifier's caches may hold (the OCSP answers' bound is in
 *     {@link OcspSettings}, with the rest of OCSP)
 */
public record SignatureLimits(
        int maxCertificateBytes,
        int maxSigners,
        int maxCertificates,
        int maxCrls,
        int maxAttributes,
        int maxNestingDepth,
        int maxElements,
        int rsaMinBits,
        int rsaMaxBits,
        int rsaMaxExponentBits,
        Caches caches) {

    /**
     * The bound of one cache: it holds at most {@code maxEntries} entries and at most
     * {@code maxBytes} of estimated heap, whichever is reached first.
     */
    public record CacheBound(long maxEntries, long maxBytes) {
        public CacheBound {
            if (maxEntries < 1 || maxBytes < 1) {
                throw new IllegalArgumentException(
                        "cache bound: " + maxEntries + " entries, " + maxBytes + " bytes (expected: both >= 1)");
            }
        }
    }

    /**
     * The bounds of the verifier's caches.
     *
     * @param certificates parsed certificates of signers whose signature verified
     * @param chains validated certificate paths
     * @param crlSelections which trusted CRLs speak for which issuer
     */
    public record Caches(CacheBound certificates, CacheBound chains, CacheBound crlSelections) {
        public Caches {
            Objects.requireNonNull(certificates, "certificates");
            Objects.requireNonNull(chains, "chains");
            Objects.requireNonNull(crlSelections, "crlSelections");
        }

        public static Caches defaults() {
            return new Caches(
                    new CacheBound(20_000, 64L << 20),
                    new CacheBound(50_000, 32L << 20),
                    new CacheBound(1_000, 1L << 20));
        }
    }

    public SignatureLimits {
        positive("maxCertificateBytes", maxCertificateBytes);
        positive("maxSigners", maxSigners);
        positive("maxCertificates", maxCertificates);
        if (maxCrls < 0) {
            throw new IllegalArgumentException("maxCrls: " + maxCrls + " (expected: >= 0)");
        }
        positive("maxAttributes", maxAttributes);
        positive("maxNestingDepth", maxNestingDepth);
        positive("maxElements", maxElements);
        if (rsaMinBits < 1024 || rsaMaxBits < rsaMinBits) {
            throw new IllegalArgumentException("rsaMinBits/rsaMaxBits: " + rsaMinBits + "/" + rsaMaxBits
                    + " (expected: 1024 <= rsaMinBits <= rsaMaxBits)");
        }
        if (rsaMaxExponentBits < 2 || rsaMaxExponentBits > 256) {
            throw new IllegalArgumentException("rsaMaxExponentBits: " + rsaMaxExponentBits + " (expected: 2–256)");
        }
        Objects.requireNonNull(caches, "caches");
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: >= 1)");
        }
    }

    /** The shipped limits (the same as {@code bounds.signature} in defaults.json). */
    public static SignatureLimits defaults() {
        return new SignatureLimits(16 * 1024, 8, 32, 4, 64, 64, 20_000, 2048, 4096, 32, Caches.defaults());
    }
}
