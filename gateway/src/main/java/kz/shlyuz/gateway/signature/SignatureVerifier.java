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
import java.util.Objects;
import java.util.Optional;
import kz.shlyuz.certs.gost.GostOperators;
import kz.shlyuz.certs.gost.GostProvider;
import kz.shlyuz.certs.identity.CertificateHolder;
import kz.shlyuz.gateway.status.Reason;
import kz.shlyuz.gateway.status.Refusal;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.CMSVerifierCertificateNotValidException;
import org.bouncycastle.cms.DefaultCMSSignatureAlgorithmNameGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.Store;

/**
 * Verifies a CMS SignedData (RFC 5652) over exactly the given content bytes and returns every
 * signer, or refuses with the first reason found. It fails closed: there is no mode that skips a
 * check.
 *
 * <p>Accepted as NCALayer and Kalkan produce them: DER or base64 text; detached over
 * {@code content}, or attached (then the encapsulated bytes must equal {@code content}, or — with
 * {@link #verifyAttached} — they are the content); RSA-SHA256 and the national GOST algorithms;
 * the signer's certificate alone, the chain then coming from the trust's intermediates; several
 * parallel SignerInfos, each checked.
 *
 * <p>For each SignerInfo, in this order: signed attributes content-type, message-digest and
 * signing-time are present; the signer's certificate is in the CMS and is a signing certificate;
 * the algorithm is accepted; the signature and digest hold; the signing time is within the allowed window of the clock (unless
 * archive verification); its path to a trust anchor is
 * valid at the signing time and it is not revoked.
 */
public final class SignatureVerifier {
    /** More SignerInfos than any service needs is a malformed (or hostile) signature. */
    static final int MAX_SIGNERS = 8;
    static final int MAX_CERTIFICATES = 32;
    /** How far a signer's clock may run ahead of the TSA's. */
    static final Duration STAMP_SKEW = Duration.ofMinutes(1);


    private final CertificatePaths paths;
    private final TimeStamps timeStamps;
    private final AlgorithmPolicy algorithms = new AlgorithmPolicy();
    private final Clock clock;
    private final VerificationPolicy policy;
    /** Parsed certificates, identities and RSA verifiers, derived once per distinct certificate. */
    private final SignerCertificates certificates = new SignerCertificates();

    /**
     * @param signingTimeWindow how far the signing-time attribute may be from the gateway's clock,
     *     either way; without a time-stamp the signer's own clock is all there is, so the window
     *     keeps a holder from back-dating a signature to before their certificate expired
     */
    public SignatureVerifier(TrustSource trust, Clock clock, Duration signingTimeWindow) {
        this(trust, clock, VerificationPolicy.online(signingTimeWindow));
    }

    public SignatureVerifier(TrustSource trust, Clock clock, VerificationPolicy policy) {
        GostProvider.install();
        this.policy = Objects.requireNonNull(policy, "policy");
        OcspClient ocsp = policy.ocsp() == null ? null : new OcspClient(policy.ocsp().timeout(),
                policy.ocsp().cacheTtl(), policy.ocsp().maxAge(), clock);
        this.paths = new CertificatePaths(trust, new RevocationCheck(ocsp,
                policy.ocsp() == null ? null : policy.ocsp().responder(), policy.revocation(), clock));
        this.timeStamps = new TimeStamps(paths);
        this.clock = clock;
    }

    /** A verified attached signature: the content it carried and its signers. */
    public record Attached(byte[] content, List<VerifiedSigner> signers) {
        public Attached {
            content = content.clone();
            signers = List.copyOf(signers);
        }

        @Override
        public byte[] content() {
            return content.clone();
        }
    }

    /** One SignerInfo's outcome, for reports: exactly one of {@code signer} and {@code refusal} is set. */
    public record SignerOutcome(int index, VerifiedSigner signer, Refusal refusal, CertificateHolder holder) {}

    /** Verifies and returns the signers in SignerInfo order; refuses on the first defect. */
    public List<VerifiedSigner> verify(byte[] content, byte[] signature) {
        Objects.requireNonNull(content, "content");
        CMSSignedData signed = parse(content, signature);
        List<VerifiedSigner> verified = new ArrayList<>();
        for (SignerOutcome outcome : outcomes(signed, true)) {
            verified.add(outcome.signer());
        }
        return List.copyOf(verified);
    }

    /** Verifies an attached signature, taking the content from inside it. */
    public Attached verifyAttached(byte[] signature) {
        CMSSignedData signed = parse(null, signature);
        List<VerifiedSigner> verified = new ArrayList<>();
        for (SignerOutcome outcome : outcomes(signed, true)) {
            verified.add(outcome.signer());
        }
        return new Attached((byte[]) signed.getSignedContent().getContent(), verified);
    }

    /**
     * Checks every SignerInfo and reports each one's outcome instead of stopping at the first
     * defect: what an operator needs to explain a refusal. A CMS that cannot be read at all is
     * still refused as a whole.
     *
     * @param content the detached content, or {@code null} for an attached signature
     */
    public List<SignerOutcome> inspect(byte[] content, byte[] signature) {
        return outcomes(parse(content, signature), false);
    }

    private List<SignerOutcome> outcomes(CMSSignedData signed, boolean failFast) {
        Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
        if (signers.isEmpty()) {
            throw new Refusal(Reason.SIGNATURE_MISSING, "no SignerInfo");
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
        List<SignerOutcome> outcomes = new ArrayList<>(signers.size());
        int index = 0;
        for (SignerInformation signer : signers) {
            index++;
            try {
                outcomes.add(new SignerOutcome(index, verifySigner(signer, store, supplied), null, null));
            } catch (Refusal refusal) {
                if (failFast) {
                    throw refusal;
                }
                outcomes.add(new SignerOutcome(index, null, refusal, holderOf(signer, store)));
            }
        }
        return outcomes;
    }

    /**
     * @param content the detached content, or null to take it from an attached signature
     */
    private static CMSSignedData parse(byte[] content, byte[] signature) {
        if (signature == null || signature.length == 0) {
            throw new Refusal(Reason.SIGNATURE_MISSING, "");
        }
        byte[] der = CmsEncoding.der(signature);
        CMSSignedData asSent;
        try {
            asSent = new CMSSignedData(der);
        } catch (CMSException | RuntimeException e) {
            throw new Refusal(Reason.SIGNATURE_MALFORMED, "not a DER CMS SignedData", e);
        }
        if (asSent.getSignedContent() != null) {
            // Attached (NCALayer's default): only acceptable when it carries exactly our bytes.
            Object encapsulated = asSent.getSignedContent().getContent();
            if (!(encapsulated instanceof byte[] bytes)) {
                throw new Refusal(Reason.SIGNATURE_MALFORMED, "encapsulated content is not data");
            }
            if (content == null) {
                return asSent;
            }
            if (!Arrays.equals(bytes, content)) {
                throw new Refusal(Reason.SIGNATURE_INVALID, "encapsulated content differs from content");
            }
        } else if (content == null) {
            throw new Refusal(Reason.SIGNATURE_MALFORMED, "detached signature without the signed data");
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
        // An authentication certificate is refused as such, whatever else is wrong with the signature.
        CertificateHolder identity = certificates.identity(certificate);
        if (!identity.signingCertificate()) {
            throw new Refusal(Reason.CERT_NOT_FOR_SIGNING, "");
        }
        AlgorithmPolicy.Accepted algorithm = algorithms.check(signer, certificate.getPublicKey());
        verifyMath(signer, holder, algorithm);

        // A time-stamp proves when the signature existed; without one, the signer's own signing-time
        // is all there is. Whichever it is, the certificate is judged at that time.
        Optional<TimeStamps.Stamp> stamp = timeStamps.check(signer);
        Instant at = stamp.map(TimeStamps.Stamp::time).orElse(signingTime);
        if (!policy.archive()) {
            Instant now = clock.instant();
            Duration window = policy.signingTimeWindow();
            if (at.isBefore(now.minus(window)) || at.isAfter(now.plus(window))) {
                throw new Refusal(Reason.MESSAGE_STALE, (stamp.isPresent() ? "time-stamp " : "signing-time ") + at
                        + ", gateway time " + now);
            }
        }
        if (stamp.isPresent() && signingTime.isAfter(stamp.get().time().plus(STAMP_SKEW))) {
            throw new Refusal(Reason.TIMESTAMP_INVALID, "signing-time " + signingTime + " is after the time-stamp "
                    + stamp.get().time());
        }
        CertificatePaths.Validated path = paths.validate(certificate, supplied, at);
        List<X509Certificate> chain = new ArrayList<>(path.path());
        chain.add(path.anchor());
        return new VerifiedSigner(identity, certificate, signingTime, chain, algorithm.description(),
                path.revocation(), stamp.map(TimeStamps.Stamp::description).orElse(""));
    }

    private static CertificateHolder holderOf(SignerInformation signer, Store<X509CertificateHolder> store) {
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = store.getMatches(signer.getSID());
        return matches.isEmpty() ? null : CertificateHolder.of(matches.iterator().next());
    }

    private void verifyMath(SignerInformation signer, X509CertificateHolder holder,
            AlgorithmPolicy.Accepted algorithm) {
        boolean valid;
        try {
            SignerInformationVerifier verifier = algorithm.gost().isPresent()
                    ? gostVerifier(holder)
                    : certificates.verifier(holder);
            valid = signer.verify(verifier);
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

    /**
     * BouncyCastle's CMS verification with GOST operators. Its stock verifier maps the
     * SignerInfo's algorithm through a table of names that has no Kazakh OIDs, so this one hands
     * the SignerInfo's own signature algorithm straight to the GOST content verifier.
     */
    static SignerInformationVerifier gostVerifier(X509CertificateHolder holder) {
        ContentVerifierProvider verifiers = GostOperators.contentVerifierProvider(holder);
        return new SignerInformationVerifier(new DefaultCMSSignatureAlgorithmNameGenerator(),
                new DefaultSignatureAlgorithmIdentifierFinder(), verifiers,
                GostOperators.digestCalculatorProvider()) {
            @Override
            public ContentVerifier getContentVerifier(AlgorithmIdentifier signingAlgorithm,
                    AlgorithmIdentifier digestAlgorithm) throws OperatorCreationException {
                return verifiers.get(signingAlgorithm);
            }
        };
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
