package kz.shlyuz.gateway.signature;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
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
 * it), so a different certificate is never mistaken for a known one. Bounded: past
 * {@link #MAX_ENTRIES} it starts over.
 */
final class SignerCertificates {
    static final int MAX_ENTRIES = 20_000;

    /** One parsed certificate. */
    static final class Known {
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
            this.holder = new X509CertificateHolder(der);
            this.certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            this.identity = CertificateHolder.of(certificate);
            this.serial = holder.getSerialNumber();
            this.issuer = holder.getIssuer().getEncoded(ASN1Encoding.DER);
            Extension ski = holder.getExtension(Extension.subjectKeyIdentifier);
            this.subjectKeyId = ski == null ? null : ASN1OctetString.getInstance(ski.getParsedValue()).getOctets();
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

    private final Map<ByteBuffer, Known> known = new ConcurrentHashMap<>();

    /** The parsed certificate whose encoding is {@code certificate}. */
    Known get(Der.Tlv certificate) throws CertificateException {
        ByteBuffer probe = ByteBuffer.wrap(certificate.bytes(), certificate.start(), certificate.length());
        Known found = known.get(probe);
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
        if (known.size() >= MAX_ENTRIES) {
            known.clear();
        }
        known.put(ByteBuffer.wrap(der), parsed);
        return parsed;
    }

    int size() {
        return known.size();
    }
}
