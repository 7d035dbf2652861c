package kz.shlyuz.gateway.signature;

import java.math.BigInteger;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.shlyuz.certs.gost.GostAlgorithm;
import kz.shlyuz.certs.gost.GostKeys;
import kz.shlyuz.certs.gost.GostPublicKey;
import kz.shlyuz.gateway.status.Reason;
import kz.shlyuz.gateway.status.Refusal;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/**
 * The signature algorithms accepted: those the national CA issues keys for. RSA with SHA-256 and a
 * key of 2048 to 4096 bits (the national CA's range) with a small odd public exponent (65537 is
 * what it issues), checked before any arithmetic with the key: a huge exponent would make every
 * verification slow; GOST 34.310-2004 and GOST 34.10-2015 (256 and 512) under the Kazakh
 * OIDs, each with its own hash and a key of the same algorithm. Anything else (SHA-1, MD5, ECDSA,
 * DSA, short keys, a GOST signature with another GOST's hash) is refused.
 */
final class AlgorithmPolicy {
    static final String SHA256 = "2.16.840.1.101.3.4.2.1";
    static final String RSA_ENCRYPTION = "1.2.840.113549.1.1.1";
    static final String SHA256_WITH_RSA = "1.2.840.113549.1.1.11";
    static final int MIN_RSA_BITS = 2048;

    private static final Map<String, String> NAMES = Map.of(
            "1.3.14.3.2.26", "SHA-1",
            "1.2.840.113549.2.5", "MD5",
            "2.16.840.1.101.3.4.2.2", "SHA-384",
            "2.16.840.1.101.3.4.2.3", "SHA-512",
            "1.2.840.10045.2.1", "ECDSA",
            "1.2.840.10045.4.3.2", "ECDSA-SHA256",
            "1.2.840.113549.1.1.5", "SHA1withRSA",
            "1.2.840.113549.1.1.10", "RSASSA-PSS");
    private static final Set<String> RSA_SIGNATURE_OIDS = Set.of(RSA_ENCRYPTION, SHA256_WITH_RSA);
    private static final BigInteger THREE = BigInteger.valueOf(3);

    private final int minRsaBits;
    private final int maxRsaBits;
    private final int maxExponentBits;

    AlgorithmPolicy() {
        this(SignatureLimits.defaults());
    }

    AlgorithmPolicy(SignatureLimits limits) {
        this.minRsaBits = limits.rsaMinBits();
        this.maxRsaBits = limits.rsaMaxBits();
        this.maxExponentBits = limits.rsaMaxExponentBits();
    }

    /** What was accepted, for reports: {@code RSA-2048 / SHA-256}, {@code GOST2004 / GOST3411-94}. */
    record Accepted(String description, Optional<GostAlgorithm> gost) {}

    /**
     * The verdict on a SignerInfo's algorithms with its certificate's key, given once per
     * certificate and algorithm pair (refusals are not kept; the pairs kept are the few this
     * policy accepts, so the memo on the certificate stays small).
     */
    Accepted accept(SignedCms.Signer signer, SignerCertificates.Known certificate) {
        String digest;
        String signature;
        try {
            digest = signer.digestOid();
            signature = signer.signatureOid();
        } catch (Der.NotDer e) {
            throw new Refusal(Reason.SIGNATURE_MALFORMED, "algorithm identifier: " + e.getMessage(), e);
        }
        String key = digest + ' ' + signature;
        Accepted known = certificate.accepted.get(key);
        if (known != null) {
            return known;
        }
        Accepted verdict = check(digest, signature, certificate.certificate.getPublicKey());
        certificate.accepted.put(key, verdict);
        return verdict;
    }

    /**
     * Refuses the signer unless digest, signature algorithm and key are all accepted.
     *
     * @param digest the SignerInfo's digestAlgorithm OID
     * @param signature the SignerInfo's signatureAlgorithm OID
     */
    Accepted check(String digest, String signature, PublicKey key) {
        ASN1ObjectIdentifier signatureOid = new ASN1ObjectIdentifier(signature);
        Optional<GostAlgorithm> gost =
                GostAlgorithm.ofSignature(signatureOid).or(() -> GostAlgorithm.ofKey(signatureOid));
        if (gost.isPresent()) {
            return checkGost(digest, key, gost.get());
        }
        if (!SHA256.equals(digest)) {
            throw new Refusal(Reason.ALGORITHM_UNSUPPORTED, "digest " + name(digest));
        }
        if (!RSA_SIGNATURE_OIDS.contains(signature)) {
            throw new Refusal(Reason.ALGORITHM_UNSUPPORTED, "signature " + name(signature));
        }
        if (!(key instanceof RSAPublicKey rsa)) {
            throw new Refusal(Reason.ALGORITHM_UNSUPPORTED, "key " + key.getAlgorithm());
        }
        int bits = rsa.getModulus().bitLength();
        if (bits < minRsaBits) {
            throw new Refusal(Reason.ALGORITHM_UNSUPPORTED, "RSA-" + bits + " (expected: >= " + minRsaBits + ")");
        }
        if (bits > maxRsaBits) {
            throw new Refusal(Reason.ALGORITHM_UNSUPPORTED, "RSA-" + bits + " (expected: <= " + maxRsaBits + ")");
        }
        checkExponent(rsa.getPublicExponent());
        return new Accepted("RSA-" + rsa.getModulus().bitLength() + " / SHA-256", Optional.empty());
    }

    /** Within the national CA's practice (65537): odd, at least 3, at most {@code maxExponentBits} bits. */
    void checkExponent(BigInteger exponent) {
        if (exponent.bitLength() > maxExponentBits) {
            throw new Refusal(
                    Reason.ALGORITHM_UNSUPPORTED,
                    "RSA public exponent of " + exponent.bitLength() + " bits (expected: <= " + maxExponentBits + ")");
        }
        if (exponent.compareTo(THREE) < 0 || !exponent.testBit(0)) {
            throw new Refusal(
                    Reason.ALGORITHM_UNSUPPORTED, "RSA public exponent " + exponent + " (expected: odd, >= 3)");
        }
    }

    private static Accepted checkGost(String digest, PublicKey key, GostAlgorithm algorithm) {
        if (!algorithm.digestOid().getId().equals(digest)) {
            throw new Refusal(
                    Reason.ALGORITHM_UNSUPPORTED,
                    algorithm.label() + " with digest " + name(digest) + " (expected: " + algorithm.digestName() + ")");
        }
        GostPublicKey gostKey;
        try {
            gostKey = GostKeys.publicKey(key);
        } catch (RuntimeException e) {
            throw new Refusal(
                    Reason.ALGORITHM_UNSUPPORTED,
                    algorithm.label() + " signature with a " + key.getAlgorithm() + " key",
                    e);
        }
        if (gostKey.gostAlgorithm() != algorithm) {
            throw new Refusal(
                    Reason.ALGORITHM_UNSUPPORTED,
                    algorithm.label() + " signature with a "
                            + gostKey.gostAlgorithm().label() + " key");
        }
        return new Accepted(algorithm.label() + " / " + algorithm.digestName(), Optional.of(algorithm));
    }

    private static String name(String oid) {
        return NAMES.getOrDefault(oid, oid);
    }
}
