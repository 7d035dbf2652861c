package kz.shlyuz.gateway.signature;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kz.shlyuz.certs.gost.GostAlgorithm;
import kz.shlyuz.certs.gost.GostSignatures;
import kz.shlyuz.certs.identity.NcaOids;
import kz.shlyuz.gateway.status.Reason;
import kz.shlyuz.gateway.status.Refusal;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;

/**
 * The RFC 3161 time-stamp a SignerInfo may carry (unsigned attribute signatureTimeStampToken):
 * a token of the national CA's TSA policies, over exactly this SignerInfo's signature value,
 * signed by a time-stamping certificate (EKU timeStamping) whose path to a trust anchor holds at
 * the stamped time. Its time is then when the signature is known to have existed.
 */
final class TimeStamps {
    private static final Set<ASN1ObjectIdentifier> POLICIES =
            Set.of(NcaOids.TSA_POLICY_GOST2004, NcaOids.TSA_POLICY_RSA_SHA256, NcaOids.TSA_POLICY_GOST2015_512);
    private static final String TIME_STAMP_TOKEN = NcaOids.SIGNATURE_TIME_STAMP_TOKEN.getId();

    /** A valid stamp: its time, and a description for reports. */
    record Stamp(Instant time, String description) {}

    private final CertificatePaths paths;

    TimeStamps(CertificatePaths paths) {
        this.paths = paths;
    }

    /** A stand-alone RFC 3161 token over {@code data}, verified as a signature's would be. */
    Stamp standalone(byte[] token, byte[] data) {
        AttributeTable table;
        try {
            table = new AttributeTable(
                    new Attribute(NcaOids.SIGNATURE_TIME_STAMP_TOKEN, new DERSet(ContentInfo.getInstance(token))));
        } catch (RuntimeException e) {
            throw new Refusal(Reason.TIMESTAMP_INVALID, "not an RFC 3161 TimeStampToken", e);
        }
        return check(table, data).orElseThrow();
    }

    /** The verified time-stamp among a SignerInfo's unsigned attributes (null: none), none when it carries none. */
    Optional<Stamp> of(Attributes unsigned, byte[] signature) {
        return unsigned == null || !unsigned.has(TIME_STAMP_TOKEN)
                ? Optional.empty()
                : check(unsigned.table(), signature);
    }

    /** The signer's verified time-stamp, none when it carries none; refuses a stamp that does not hold. */
    Optional<Stamp> check(AttributeTable unsigned, byte[] signature) {
        Attribute attribute = unsigned == null ? null : unsigned.get(NcaOids.SIGNATURE_TIME_STAMP_TOKEN);
        if (attribute == null) {
            return Optional.empty();
        }
        if (attribute.getAttrValues().size() != 1) {
            throw new Refusal(
                    Reason.TIMESTAMP_INVALID, attribute.getAttrValues().size() + " tokens (expected: 1)");
        }
        TimeStampToken token;
        try {
            token = new TimeStampToken(
                    ContentInfo.getInstance(attribute.getAttrValues().getObjectAt(0)));
        } catch (Exception e) {
            throw new Refusal(Reason.TIMESTAMP_INVALID, "not an RFC 3161 TimeStampToken", e);
        }
        TimeStampTokenInfo info = token.getTimeStampInfo();
        if (!POLICIES.contains(info.getPolicy())) {
            throw new Refusal(
                    Reason.TIMESTAMP_INVALID,
                    "TSA policy " + info.getPolicy() + " (expected: the national CA's 1.2.398.3.3.2.6.1/.2/.4)");
        }
        byte[] expected = digest(info.getMessageImprintAlgOID(), signature);
        if (!Arrays.equals(expected, info.getMessageImprintDigest())) {
            throw new Refusal(Reason.TIMESTAMP_INVALID, "the token stamps another signature value");
        }
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = token.getCertificates().getMatches(token.getSID());
        if (matches.isEmpty()) {
            throw new Refusal(Reason.TIMESTAMP_INVALID, "the TSA's certificate is not in the token");
        }
        X509CertificateHolder tsa = matches.iterator().next();
        try {
            SignerInformationVerifier verifier = SignerInfoVerifiers.of(tsa);
            // Checks the signature, that the ESS certificate id names this certificate, that it was
            // valid at genTime and that its only (critical) key purpose is time-stamping.
            token.validate(verifier);
        } catch (Exception e) {
            throw new Refusal(Reason.TIMESTAMP_INVALID, "TSA signature: " + e.getMessage(), e);
        }
        Instant time = info.getGenTime().toInstant();
        List<X509Certificate> supplied = new ArrayList<>();
        try {
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            for (X509CertificateHolder holder : token.getCertificates().getMatches(null)) {
                supplied.add(converter.getCertificate(holder));
            }
            paths.validate(converter.getCertificate(tsa), supplied, time);
        } catch (Refusal refusal) {
            throw new Refusal(
                    Reason.TIMESTAMP_INVALID, "TSA certificate: " + refusal.reason() + " " + refusal.detail(), refusal);
        } catch (CertificateException e) {
            throw new Refusal(Reason.TIMESTAMP_INVALID, "TSA certificate cannot be read", e);
        }
        return Optional.of(new Stamp(
                time,
                time + " by " + tsa.getSubject() + ", policy " + info.getPolicy() + ", serial "
                        + info.getSerialNumber()));
    }

    private static byte[] digest(ASN1ObjectIdentifier algorithm, byte[] data) {
        Optional<GostAlgorithm> gost = GostAlgorithm.ofDigest(algorithm);
        if (gost.isPresent()) {
            return GostSignatures.digest(gost.get(), data);
        }
        if (!NISTObjectIdentifiers.id_sha256.equals(algorithm)) {
            throw new Refusal(
                    Reason.TIMESTAMP_INVALID,
                    "message imprint hash " + algorithm + " (expected: SHA-256 or a national GOST digest)");
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
