package kz.shlyuz.gateway.signature;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import kz.shlyuz.certs.gost.GostKeys;
import kz.shlyuz.certs.gost.GostPublicKey;
import kz.shlyuz.certs.identity.CertificateHolder;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * What the verifier derives from a certificate's bytes, derived once per distinct certificate:
 * the JCA certificate, BouncyCastle's holder, the holder's identity, the GOST key when it is one,
 * what a SignerIdentifier is matched against, and the algorithm-policy verdicts already given for
 * it. Only the parsing is saved; every check runs on every signature.
 *
 * <p>Keyed by the certificate's exact encoding as it arrived in the CMS (looked up without copying
 * it), so a different certificate is never mistaken for a known one. Filled only with the
 * certificates of signers whose signature verified and the CA certificates on their validated
 * paths ({@link #remember}): a stranger's certificate is parsed for its one request and forgotten.
 * Bounded by entries and bytes ({@link BoundedCache}).
 */
final class SignerCertificates {
    /** What a parsed certificate holds besides its encoding, roughly (JCA and BouncyCastle objects). */
    static final int PARSED_OVERHEAD_BYTES = 4096;

    /** One parsed certificate. */
    static final class Known {
        /** The encoding it was parsed from (the cache's key). */
        final byte[] der;

        final X509CertificateHolder holder;
        final X509Certificate certificate;
        final CertificateHolder identity;
        final BigInteger serial;
        /** The issuer Name's DER, as {@link X509CertificateHolder#getIssuer()} encodes it. */
        final byte[] issuer;
        /** The subjectKeyIdentifier extension's value, or {@code null} without one. */
        final byte[] subjectKeyId;

        final Instant notBefore;
        final Instant notAfter;
        /** The GOST public key, or {@code null} for another key type (or an unreadable GOST key). */
        final GostPublicKey gostKey;
        /** Algorithm-policy verdicts that accepted, by "digestOid signatureOid". */
        final Map<String, AlgorithmPolicy.Accepted> accepted = new ConcurrentHashMap<>(4);

        private Known(byte[] der) throws CertificateException, IOException {
            this.der = der;
            this.holder = new X509CertificateHolder(der);
            this.certificate = (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
            this.identity = CertificateHolder.of(certificate);
            this.serial = holder.getSerialNumber();
            this.issuer = holder.getIssuer().getEncoded(ASN1Encoding.DER);
            Extension ski = holder.getExtension(Extension.subjectKeyIdentifier);
            this.subjectKeyId = ski == null
                    ? null
                    : ASN1OctetString.getInstance(ski.getParsedValue()).getOctets();
            this.notBefore = certificate.getNotBefore().toInstant();
            this.notAfter = certificate.getNotAfter().toInstant();
            GostPublicKey gost = null;
            if (GostKeys.isGost(holder.getSubjectPublicKeyInfo())) {
                try {
                    gost = GostKeys.publicKey(holder.getSubjectPublicKeyInfo());
                } catch (RuntimeException e) {
                    gost = null;
                }
            }
            this.gostKey = gost;
        }

        /** Whether the certificate is valid at {@code at}, bounds included (as BouncyCastle's isValidOn). */
        boolean validAt(Instant at) {
            return !at.isBefore(notBefore) && !at.isAfter(notAfter);
        }
    }

    private final BoundedCache<Key, Known> known;

    SignerCertificates(SignatureLimits.CacheBound bound) {
        // The encoding is held three times over (as it arrived, by the JCA and by BouncyCastle's parse).
        this.known = new BoundedCache<>(bound, (key, k) -> 3L * k.der.length + PARSED_OVERHEAD_BYTES);
    }

    SignerCertificates() {
        this(SignatureLimits.Caches.defaults().certificates());
    }

    /**
     * A certificate's encoding as a map key, without copying it out of the CMS. Equal only to the
     * same bytes; its hash covers the length and the last {@link #HASHED} bytes (inside the
     * certificate's own signature value, different for every certificate), so a look-up does not
     * hash the whole encoding on every signature, and the one comparison that follows is exact.
     */
    private static final class Key {
        static final int HASHED = 32;
        final byte[] bytes;
        final int start;
        final int end;
        final int hash;

        Key(byte[] bytes, int start, int end) {
            this.bytes = bytes;
            this.start = start;
            this.end = end;
            int h = end - start;
            for (int i = Math.max(start, end - HASHED); i < end; i++) {
                h = 31 * h + bytes[i];
            }
            this.hash = h;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && Arrays.equals(bytes, start, end, k.bytes, k.start, k.end);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** The parsed certificate whose encoding is {@code certificate}: the cached one, or parsed now (not kept). */
    Known get(Der.Tlv certificate) throws CertificateException {
        Known found = known.get(new Key(certificate.bytes(), certificate.start(), certificate.end()));
        if (found != null) {
            return found;
        }
        byte[] der = certificate.encoded();
        Known parsed;
        try {
            parsed = new Known(der);
        } catch (IOException | RuntimeException e) {
            throw new CertificateException("certificate cannot be read", e);
        }
        return parsed;
    }

    /** Keeps a certificate of a signature that has just verified: its signer's, or a CA's on its path. */
    void remember(Known certificate) {
        known.putIfAbsent(new Key(certificate.der, 0, certificate.der.length), certificate);
    }

    long size() {
        return known.size();
    }

    long weight() {
        return known.weight();
    }
}
