package kz.shlyuz.gateway.signature;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import kz.shlyuz.certs.identity.CertificateHolder;
import kz.shlyuz.gateway.status.Reason;
import kz.shlyuz.gateway.status.Refusal;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.CMSVerifierCertificateNotValidException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.Store;

/**
 * Verifies a CMS SignedData (RFC 5652) over exactly the given content bytes and returns every
 * signer, or refuses with the first reason found. It fails closed: there is no mode that skips a
 * check.
 *
 * <p>For each SignerInfo, in this order: the signature is detached over {@code content} or
 * encapsulates identical bytes; signed attributes content-type, message-digest and signing-time
 * are present; the algorithm is accepted; the signer's certificate is in the CMS; the signature
 * and digest hold; the signing time is within the allowed window of the gateway's clock; the
 * certificate is a signing certificate; its path to a trust anchor is valid at the signing time
 * and it is not revoked.
 */
public final class SignatureVerifier {
    /** More SignerInfos than any service needs is a malformed (or hostile) signature. */
    static final int MAX_SIGNERS = 8;
    static final int MAX_CERTIFICATES = 32;

    private final CertificatePaths paths;
    private final AlgorithmPolicy algorithms = new AlgorithmPolicy();
    private final Clock clock;
    private final Duration signingTimeWindow;
    private final SignerCertificates certificates = new SignerCertificates();

    /**
     * @param signingTimeWindow how far the signing-time attribute may be from the gateway's clock,
     *     either way; without a time-stamp the signer's own clock is all there is, so the window
     *     keeps a holder from back-dating a signature to before their certificate expired
     */
    public SignatureVerifier(TrustMaterial trust, Clock clock, Duration signingTimeWindow) {
        this.paths = new CertificatePaths(trust);
        this.clock = clock;
        this.signingTimeWindow = signingTimeWindow;
    }

    /** Verifies and returns the signers in SignerInfo order; refuses on the first defect. */
    public List<VerifiedSigner> verify(byte[] content, byte[] signature) {
        if (signature == null || signature.length == 0) {
            throw new Refusal(Reason.SIGNATURE_MISSING, "");
        }
        CMSSignedData signed = parse(content, signature);
        Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
        if (signers.isEmpty()) {
            throw new Refusal(Reason.SIGNATURE_MISSING, "");
        }
        if (signers.size() > MAX_SIGNERS) {
            throw new Refusal(Reason.SIGNATURE_MALFORMED, signers.size() + " signers (expected: <= " + MAX_SIGNERS + ")");
        }
        Store<X509CertificateHolder> store = signed.getCertificates();
        Collection<X509CertificateHolder> all = store.getMatches(null);
        if (all.size() > MAX_CERTIFICATES) {
            throw new Refusal(Reason.SIGNATURE_MALFORMED, all.size() + " certificates (expected: <= "
                    + MAX_CERTIFICATES + ")");
        }
        List<X509Certificate> supplied = all.stream().map(this::toX509).toList();
        List<VerifiedSigner> verified = new ArrayList<>(signers.size());
        for (SignerInformation signer : signers) {
            verified.add(verifySigner(signer, store, supplied));
        }
        return List.copyOf(verified);
    }

    private CMSSignedData parse(byte[] content, byte[] signature) {
        CMSSignedData asSent;
        try {
            asSent = new CMSSignedData(signature);
        } catch (CMSException | RuntimeException e) {
            throw new Refusal(Reason.SIGNATURE_MALFORMED, "not a DER CMS SignedData", e);
        }
        if (asSent.getSignedContent() != null) {
            // Attached (NCALayer's default): only acceptable when it carries exactly our bytes.
            Object encapsulated = asSent.getSignedContent().getContent();
            if (!(encapsulated instanceof byte[] bytes) || !Arrays.equals(bytes, content)) {
                throw new Refusal(Reason.SIGNATURE_INVALID, "encapsulated content differs from content");
            }
        }
        try {
            // The structure as parsed above, now over our content bytes: no second parse of the DER.
            return new CMSSignedData(new CMSProcessableByteArray(content), asSent.toASN1Structure());
        } catch (CMSException | RuntimeException e) {
            throw new Refusal(Reason.SIGNATURE_MALFORMED, "not a DER CMS SignedData", e);
        }
    }

    private VerifiedSigner verifySigner(SignerInformation signer, Store<X509CertificateHolder> store,
            List<X509Certificate> supplied) {
        AttributeTable attributes = signer.getSignedAttributes();
        if (attributes == null) {
            throw new Refusal(Reason.SIGNED_ATTRIBUTES_MISSING, "signedAttrs");
        }
        requireAttribute(attributes, CMSAttributes.contentType, "content-type");
        requireAttribute(attributes, CMSAttributes.messageDigest, "message-digest");
        Instant signingTime = signingTime(attributes);

        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = store.getMatches(signer.getSID());
        if (matches.isEmpty()) {
            throw new Refusal(Reason.SIGNER_CERT_MISSING, "");
        }
        X509CertificateHolder holder = matches.iterator().next();
        X509Certificate certificate = toX509(holder);
        algorithms.check(signer, certificate.getPublicKey());
        verifyMath(signer, holder);

        Instant now = clock.instant();
        if (signingTime.isBefore(now.minus(signingTimeWindow)) || signingTime.isAfter(now.plus(signingTimeWindow))) {
            throw new Refusal(Reason.MESSAGE_STALE, "signing-time " + signingTime + ", gateway time " + now);
        }
        CertificateHolder identity = certificates.identity(certificate);
        if (!identity.signingCertificate()) {
            throw new Refusal(Reason.CERT_NOT_FOR_SIGNING, "");
        }
        paths.validate(certificate, supplied, signingTime);
        return new VerifiedSigner(identity, certificate, signingTime);
    }

    private void verifyMath(SignerInformation signer, X509CertificateHolder holder) {
        boolean valid;
        try {
            valid = signer.verify(certificates.verifier(holder));
        } catch (CMSSignerDigestMismatchException e) {
            throw new Refusal(Reason.SIGNATURE_INVALID, "message-digest does not match the content", e);
        } catch (CMSVerifierCertificateNotValidException e) {
            throw new Refusal(Reason.CERT_EXPIRED, "not valid at signing-time", e);
        } catch (OperatorCreationException | CertificateException e) {
            throw new Refusal(Reason.ALGORITHM_UNSUPPORTED, signer.getEncryptionAlgOID(), e);
        } catch (CMSException | RuntimeException e) {
            throw new Refusal(Reason.SIGNATURE_INVALID, "signature value does not verify", e);
        }
        if (!valid) {
            throw new Refusal(Reason.SIGNATURE_INVALID, "signature value does not verify");
        }
    }

    private static void requireAttribute(AttributeTable attributes, ASN1ObjectIdentifier oid, String name) {
        if (attributes.get(oid) == null) {
            throw new Refusal(Reason.SIGNED_ATTRIBUTES_MISSING, name);
        }
    }

    private static Instant signingTime(AttributeTable attributes) {
        Attribute attribute = attributes.get(CMSAttributes.signingTime);
        if (attribute == null || attribute.getAttrValues().size() != 1) {
            throw new Refusal(Reason.SIGNED_ATTRIBUTES_MISSING, "signing-time");
        }
        ASN1Encodable value = attribute.getAttrValues().getObjectAt(0);
        try {
            return Time.getInstance(value).getDate().toInstant();
        } catch (RuntimeException e) {
            throw new Refusal(Reason.SIGNATURE_MALFORMED, "signing-time is not a Time", e);
        }
    }

    private X509Certificate toX509(X509CertificateHolder holder) {
        try {
            return certificates.x509(holder);
        } catch (CertificateException e) {
            throw new Refusal(Reason.SIGNATURE_MALFORMED, "certificate cannot be read", e);
        }
    }
}
