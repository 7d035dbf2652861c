package kz.shlyuz.gateway.signature;

import java.math.BigInteger;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import kz.shlyuz.certs.gost.GostOperators;
import kz.shlyuz.certs.gost.GostProvider;
import kz.shlyuz.certs.identity.CertificateHolder;
import kz.shlyuz.certs.identity.NcaOids;
import kz.shlyuz.gateway.status.Reason;
import kz.shlyuz.gateway.status.Refusal;
import kz.shlyuz.gateway.status.Untrusted;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.cms.CMSAlgorithmProtection;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.DefaultCMSSignatureAlgorithmNameGenerator;
import org.bouncycastle.cms.SignerId;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Verifies a CMS SignedData (RFC 5652) over exactly the given content bytes and returns every
 * signer, or refuses with the first reason found. It fails closed: there is no mode that skips a
 * check.
 *
 * <p>Accepted as NCALayer and Kalkan produce them: DER (or BER) or base64 text; detached over
 * {@code content}, or attached (then the encapsulated bytes must equal {@code content}, or — with
 * {@link #verifyAttached} — they are the content); RSA-SHA256 and the national GOST algorithms;
 * the signer's certificate alone, the chain then coming from the trust's intermediates; several
 * parallel SignerInfos, each checked.
 *
 * <p>For each SignerInfo, in this order: signed attributes content-type, message-digest and
 * signing-time are present; the signer's certificate is in the CMS and is a signing certificate;
 * the algorithm is accepted; the certificate was valid at the signing time; the content-type,
 * algorithm-protection and message-digest attributes hold (RFC 5652 §11, RFC 6211) and the
 * signature value over the signed attributes holds; the signing time (or the time-stamp's) is
 * within the allowed window of the clock (unless archive verification); its path to a trust
 * anchor is valid at that time and it is not revoked.
 *
 * <p>The CMS is read once ({@link SignedCms}) and what is signed is hashed as it arrived: no part
 * is re-encoded, certificates are parsed once per distinct certificate ({@link SignerCertificates}),
 * signature engines are kept per thread ({@link SignatureMath}). These are the checks
 * BouncyCastle's {@code SignerInformation.verify} makes, with the same outcomes
 * (SignedAttributesTest), without its re-encoding and date formatting.
 */
public final class SignatureVerifier {
    /** How far a signer's clock may run ahead of the TSA's. */
    static final Duration STAMP_SKEW = Duration.ofMinutes(1);
    private static final String TIME_STAMP_TOKEN = NcaOids.SIGNATURE_TIME_STAMP_TOKEN.getId();

    private final CertificatePaths paths;
    private final TimeStamps timeStamps;
    private final AlgorithmPolicy algorithms;
    private final Clock clock;
    private final VerificationPolicy policy;
    /** What one signature may cost: sizes, counts, key sizes, cache bounds (issue 9). */
    private final SignatureLimits limits;
    /** Parsed certificates, identities and keys, derived once per distinct certificate. */
    private final SignerCertificates certificates;
    private final OcspClient ocsp;

    /**
     * @param signingTimeWindow how far the signing-time attribute may be from the gateway's clock,
     *     either way; without a time-stamp the signer's own clock is all there is, so the window
     *     keeps a holder from back-dating a signature to before their certificate expired
     */
    public SignatureVerifier(TrustSource trust, Clock clock, Duration signingTimeWindow) {
        this(trust, clock, VerificationPolicy.online(signingTimeWindow));
    }

    public SignatureVerifier(TrustSource trust, Clock clock, VerificationPolicy policy) {
        this(trust, clock, policy, SignatureLimits.defaults());
    }

    /** @param limits what one signature may cost, and what the caches may hold */
    public SignatureVerifier(TrustSource trust, Clock clock, VerificationPolicy policy, SignatureLimits limits) {
        GostProvider.install();
        this.policy = Objects.requireNonNull(policy, "policy");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.algorithms = new AlgorithmPolicy(limits);
        this.certificates = new SignerCertificates(limits.caches().certificates());
        this.ocsp = policy.ocsp() == null ? null : new OcspClient(policy.ocsp().timeout(),
                policy.ocsp().cacheTtl(), policy.ocsp().maxAge(), clock, limits.caches().ocsp(), limits.breaker());
        this.paths = new CertificatePaths(trust, new RevocationCheck(ocsp,
                policy.ocsp() == null ? null : policy.ocsp().responder(), policy.revocation(), clock,
                limits.caches().crlSelections()), limits.caches().chains());
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

    /** A parsed CMS and the content its signatures are over. */
    private record Parsed(SignedCms cms, byte[] content) {}

    /**
     * Verifies a stand-alone RFC 3161 token over {@code data} as a signature's time-stamp is
     * verified (national TSA policy, imprint, TSA signature and certificate path at the stamped
     * time): the evidence archive's stamps over its chain heads. Refuses with
     * {@code TIMESTAMP_INVALID} when it does not hold; returns its description.
     */
    public String verifyTimeStamp(byte[] token, byte[] data) {
        org.bouncycastle.asn1.cms.AttributeTable table;
        try {
            table = new org.bouncycastle.asn1.cms.AttributeTable(new org.bouncycastle.asn1.cms.Attribute(
                    NcaOids.SIGNATURE_TIME_STAMP_TOKEN, new org.bouncycastle.asn1.DERSet(
                            org.bouncycastle.asn1.cms.ContentInfo.getInstance(token))));
        } catch (RuntimeException e) {
            throw new Refusal(Reason.TIMESTAMP_INVALID, "not an RFC 3161 TimeStampToken", e);
        }
        return timeStamps.check(table, data).map(TimeStamps.Stamp::description).orElseThrow();
    }

    /** Verifies and returns the signers in SignerInfo order; refuses on the first defect. */
    public List<VerifiedSigner> verify(byte[] content, byte[] signature) {
        Objects.requireNonNull(content, "content");
        try {
            return signers(outcomes(parse(content, signature), true));
        } catch (StackOverflowError e) {
            throw tooDeep(e);
        }
    }

    /** Verifies an attached signature, taking the content from inside it. */
    public Attached verifyAttached(byte[] signature) {
        try {
            Parsed parsed = parse(null, signature);
            return new Attached(parsed.content(), signers(outcomes(parsed, true)));
        } catch (StackOverflowError e) {
            throw tooDeep(e);
        }
    }

    /**
     * The last guard behind {@link Asn1Bounds}: a structure nested inside a primitive value (a
     * time-stamp's TSTInfo, a certificate extension) is parsed by BouncyCastle or the JDK, which
     * recurse. Parsing holds no lock and changes no shared state, so the call is refused and the
     * thread goes on.
     */
    private static Refusal tooDeep(StackOverflowError e) {
        return new Refusal(Reason.SIGNATURE_MALFORMED, "ASN.1 nested too deep");
    }

    /**
     * Each OCSP responder asked so far and whether it is left alone after a failure (its
     * {@link CircuitBreaker}); empty without OCSP.
     */
    public Map<URI, CircuitBreaker.State> ocspResponders() {
        return ocsp == null ? Map.of() : ocsp.responders();
    }

    /**
     * Checks every SignerInfo and reports each one's outcome instead of stopping at the first
     * defect: what an operator needs to explain a refusal. A CMS that cannot be read at all is
     * still refused as a whole.
     *
     * @param content the detached content, or {@code null} for an attached signature
     */
    public List<SignerOutcome> inspect(byte[] content, byte[] signature) {
        try {
            return outcomes(parse(content, signature), false);
        } catch (StackOverflowError e) {
            throw tooDeep(e);
        }
    }

    private static List<VerifiedSigner> signers(List<SignerOutcome> outcomes) {
        List<VerifiedSigner> verified = new ArrayList<>(outcomes.size());
        for (SignerOutcome outcome : outcomes) {
            verified.add(outcome.signer());
        }
        return List.copyOf(verified);
    }

    private List<SignerOutcome> outcomes(Parsed parsed, boolean failFast) {
        List<SignedCms.Signer> signers = parsed.cms().signers();
        if (signers.isEmpty()) {
            throw new Refusal(Reason.SIGNATURE_MISSING, "no SignerInfo");
        }
        if (signers.size() > limits.maxSigners()) {
            throw new Refusal(Reason.SIGNATURE_MALFORMED, signers.size() + " signers (expected: <= "
                    + limits.maxSigners() + ")");
        }
        List<Der.Tlv> encoded = parsed.cms().certificates();
        if (encoded.size() > limits.maxCertificates()) {
            throw new Refusal(Reason.SIGNATURE_MALFORMED, encoded.size() + " certificates (expected: <= "
                    + limits.maxCertificates() + ")");
        }
        if (parsed.cms().crls() > limits.maxCrls()) {
            throw new Refusal(Reason.SIGNATURE_MALFORMED, parsed.cms().crls() + " CRLs (expected: <= "
                    + limits.maxCrls() + ")");
        }
        // Sizes before parsing: a certificate the national CA would never issue is not parsed at all.
        for (Der.Tlv certificate : encoded) {
            if (certificate.length() > limits.maxCertificateBytes()) {
                throw new Refusal(Reason.SIGNATURE_MALFORMED, "a certificate of " + certificate.length()
                        + " bytes (expected: <= " + limits.maxCertificateBytes() + ")");
            }
        }
        List<SignerCertificates.Known> known = new ArrayList<>(encoded.size());
        List<X509Certificate> supplied = new ArrayList<>(encoded.size());
        for (Der.Tlv certificate : encoded) {
            try {
                SignerCertificates.Known parsedCertificate = certificates.get(certificate);
                known.add(parsedCertificate);
                supplied.add(parsedCertificate.certificate);
            } catch (CertificateException e) {
                throw new Refusal(Reason.SIGNATURE_MALFORMED, "certificate cannot be read", e);
            }
        }
        List<SignerOutcome> outcomes = new ArrayList<>(signers.size());
        int index = 0;
        for (SignedCms.Signer signer : signers) {
            index++;
            try {
                outcomes.add(new SignerOutcome(index, verifySigner(parsed, signer, known, supplied), null, null));
            } catch (Refusal refusal) {
                if (failFast) {
                    throw refusal;
                }
                outcomes.add(new SignerOutcome(index, null, refusal, holderOf(signer, known)));
            }
        }
        return outcomes;
    }

    /**
     * @param content the detached content, or null to take it from an attached signature
     */
    private Parsed parse(byte[] content, byte[] signature) {
        if (signature == null || signature.length == 0) {
            throw new Refusal(Reason.SIGNATURE_MISSING, "");
        }
        byte[] der = CmsEncoding.der(signature);
        // The shape before any parser: the BER fallback recurses once per nesting level.
        Asn1Bounds.check(der, limits.maxNestingDepth(), limits.maxElements());
        SignedCms cms = SignedCms.parse(der);
        if (cms.attached()) {
            // Attached (NCALayer's default): only acceptable when it carries exactly our bytes.
            if (cms.encapsulatedNotData()) {
                throw new Refusal(Reason.SIGNATURE_MALFORMED, "encapsulated content is not data");
            }
            if (content == null) {
                return new Parsed(cms, cms.encapsulated());
            }
            if (!Arrays.equals(cms.encapsulated(), content)) {
                throw new Refusal(Reason.SIGNATURE_INVALID, "encapsulated content differs from content");
            }
        } else if (content == null) {
            throw new Refusal(Reason.SIGNATURE_MALFORMED, "detached signature without the signed data");
        }
        return new Parsed(cms, content);
    }

    private VerifiedSigner verifySigner(Parsed parsed, SignedCms.Signer signer, List<SignerCertificates.Known> known,
            List<X509Certificate> supplied) {
        Attributes signed;
        Attributes unsigned;
        try {
            signed = Attributes.read(signer.signedAttributes());
            unsigned = Attributes.read(signer.unsignedAttributes());
        } catch (Der.NotDer e) {
            throw new Refusal(Reason.SIGNATURE_MALFORMED, "attributes cannot be read: " + e.getMessage(), e);
        }
        int attributes = (signed == null ? 0 : signed.count()) + (unsigned == null ? 0 : unsigned.count());
        if (attributes > limits.maxAttributes()) {
            throw new Refusal(Reason.SIGNATURE_MALFORMED, attributes + " attributes in a SignerInfo (expected: <= "
                    + limits.maxAttributes() + ")");
        }
        if (signed == null) {
            throw new Refusal(Reason.SIGNED_ATTRIBUTES_MISSING, "signedAttrs");
        }
        if (!signed.has(Oids.CONTENT_TYPE)) {
            throw new Refusal(Reason.SIGNED_ATTRIBUTES_MISSING, "content-type");
        }
        if (!signed.has(Oids.MESSAGE_DIGEST)) {
            throw new Refusal(Reason.SIGNED_ATTRIBUTES_MISSING, "message-digest");
        }
        Instant signingTime = signingTime(signed);

        SignerCertificates.Known certificate = signerCertificate(signer, known);
        if (certificate == null) {
            throw new Refusal(Reason.SIGNER_CERT_MISSING, "");
        }
        // An authentication certificate is refused as such, whatever else is wrong with the signature.
        if (!certificate.identity.signingCertificate()) {
            throw new Refusal(Reason.CERT_NOT_FOR_SIGNING, "");
        }
        AlgorithmPolicy.Accepted algorithm = accepted(signer, certificate);
        // Trust before arithmetic: a certificate whose issuer the trust does not know is refused
        // without computing anything with its key (the path itself is validated below).
        if (!paths.mayChain(certificate.certificate, supplied)) {
            throw new Refusal(Reason.CERT_UNTRUSTED, "issuer " + Untrusted.shown(
                    certificate.certificate.getIssuerX500Principal().getName()) + " is not in the trust store");
        }
        verifyMath(parsed, signer, signed, unsigned, certificate, algorithm, signingTime);

        // A time-stamp proves when the signature existed; without one, the signer's own signing-time
        // is all there is. Whichever it is, the certificate is judged at that time.
        Optional<TimeStamps.Stamp> stamp = unsigned == null || !unsigned.has(TIME_STAMP_TOKEN) ? Optional.empty()
                : timeStamps.check(unsigned.table(), signer.signature().value());
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
        CertificatePaths.Validated path = paths.validate(certificate.certificate, supplied, at);
        // Only now is the certificate worth keeping: its holder's signature verified and its path holds.
        certificates.remember(certificate);
        List<X509Certificate> chain = new ArrayList<>(path.path().size() + 1);
        chain.addAll(path.path());
        chain.add(path.anchor());
        return new VerifiedSigner(certificate.identity, certificate.certificate, signingTime, chain,
                algorithm.description(), path.revocation(), stamp.map(TimeStamps.Stamp::description).orElse(""),
                RevocationCheck.takeEvidence());
    }

    /** The algorithm policy's verdict, given once per certificate and algorithm pair (refusals are not kept). */
    private AlgorithmPolicy.Accepted accepted(SignedCms.Signer signer, SignerCertificates.Known certificate) {
        String digest;
        String signature;
        try {
            digest = signer.digestOid();
            signature = signer.signatureOid();
        } catch (Der.NotDer e) {
            throw new Refusal(Reason.SIGNATURE_MALFORMED, "algorithm identifier: " + e.getMessage(), e);
        }
        String key = digest + ' ' + signature;
        AlgorithmPolicy.Accepted known = certificate.accepted.get(key);
        if (known != null) {
            return known;
        }
        AlgorithmPolicy.Accepted verdict = algorithms.check(digest, signature, certificate.certificate.getPublicKey());
        certificate.accepted.put(key, verdict);
        return verdict;
    }

    /**
     * The checks of RFC 5652 §5.4 and §11 in the order BouncyCastle's SignerInformation.verify
     * makes them, so that each defect keeps its refusal reason: signing-time single-valued and
     * signed, the certificate valid then, content-type, algorithm protection, message-digest,
     * no signed countersignature, then the signature value over the signed attributes' DER.
     */
    private static void verifyMath(Parsed parsed, SignedCms.Signer signer, Attributes signed, Attributes unsigned,
            SignerCertificates.Known certificate, AlgorithmPolicy.Accepted algorithm, Instant signingTime) {
        try {
            singleValued(signed, unsigned, Oids.SIGNING_TIME, "signing-time");
            if (!certificate.validAt(signingTime)) {
                throw new Refusal(Reason.CERT_EXPIRED, "not valid at signing-time");
            }
            byte[] digest = algorithm.gost().isPresent()
                    ? SignatureMath.gostDigest(algorithm.gost().get(), parsed.content())
                    : SignatureMath.sha256(parsed.content());

            Der.Tlv contentType = singleValued(signed, unsigned, Oids.CONTENT_TYPE, "content-type");
            if (contentType.tag() != Der.OID) {
                throw invalid("content-type attribute value is not an OBJECT IDENTIFIER");
            }
            if (!contentType.sameEncoding(parsed.cms().contentType())) {
                throw invalid("content-type attribute value does not match eContentType");
            }
            Der.Tlv protection = singleValued(signed, unsigned, Oids.CMS_ALGORITHM_PROTECT, "cmsAlgorithmProtect");
            if (protection != null) {
                checkProtection(protection, signer);
            }
            Der.Tlv messageDigest = singleValued(signed, unsigned, Oids.MESSAGE_DIGEST, "message-digest");
            if (messageDigest.tag() != Der.OCTET_STRING) {
                throw invalid("message-digest attribute value is not an OCTET STRING");
            }
            if (!MessageDigest.isEqual(digest, messageDigest.value())) {
                throw invalid("message-digest does not match the content");
            }
            if (signed.has(Oids.COUNTER_SIGNATURE)) {
                throw invalid("a countersignature attribute must not be a signed attribute");
            }
            if (unsigned != null) {
                for (Der.Tlv values : unsigned.all(Oids.COUNTER_SIGNATURE)) {
                    if (values.valueLength() == 0) {
                        throw invalid("a countersignature attribute without a value");
                    }
                }
            }
            byte[] toBeSigned = signed.derEncoding();
            byte[] value = signer.signature().value();
            boolean valid;
            if (algorithm.gost().isPresent()) {
                if (certificate.gostKey == null) {
                    throw new Refusal(Reason.ALGORITHM_UNSUPPORTED, algorithm.description() + ": the key cannot be read");
                }
                valid = SignatureMath.gost(certificate.gostKey, toBeSigned, value);
            } else {
                valid = SignatureMath.rsaSha256(certificate.certificate.getPublicKey(), toBeSigned, value);
            }
            if (!valid) {
                throw invalid("signature value does not verify");
            }
        } catch (Der.NotDer | GeneralSecurityException | RuntimeException e) {
            if (e instanceof Refusal refusal) {
                throw refusal;
            }
            throw new Refusal(Reason.SIGNATURE_INVALID, "signature value does not verify", e);
        }
    }

    /**
     * The one value of a signed attribute that must occur at most once, with one value, and never
     * unsigned (RFC 5652 §11); {@code null} when absent.
     */
    private static Der.Tlv singleValued(Attributes signed, Attributes unsigned, String oid, String name)
            throws Der.NotDer {
        if (unsigned != null && unsigned.has(oid)) {
            throw invalid("the " + name + " attribute must not be an unsigned attribute");
        }
        List<Der.Tlv> instances = signed.all(oid);
        if (instances.isEmpty()) {
            return null;
        }
        if (instances.size() > 1) {
            throw invalid("the signed attributes include " + instances.size() + " " + name + " attributes");
        }
        List<Der.Tlv> values = Attributes.valuesOf(instances.get(0));
        if (values.size() != 1) {
            throw invalid("the " + name + " attribute has " + values.size() + " values (expected: 1)");
        }
        return values.get(0);
    }

    /** RFC 6211: the protected algorithms are the SignerInfo's own. */
    private static void checkProtection(Der.Tlv protection, SignedCms.Signer signer) throws Der.NotDer {
        // The usual case: the same encodings, compared as they are.
        Der.Tlv digest = protection.expect(Der.SEQUENCE).first();
        Der.Tlv signature = digest.next(protection);
        if (digest.sameEncoding(signer.digestAlgorithm()) && signature != null && signature.tag() == Der.CONTEXT_1
                && signature.valueLength() == signer.signatureAlgorithm().valueLength()
                && Arrays.equals(signature.bytes(), signature.valueStart(), signature.end(),
                        signer.signatureAlgorithm().bytes(), signer.signatureAlgorithm().valueStart(),
                        signer.signatureAlgorithm().end())
                && signature.next(protection) == null) {
            return;
        }
        // Otherwise as BouncyCastle judges it (absent parameters and NULL are the same).
        CMSAlgorithmProtection parsed = CMSAlgorithmProtection.getInstance(protection.encoded());
        if (!equivalent(parsed.getDigestAlgorithm(), AlgorithmIdentifier.getInstance(signer.digestAlgorithm().encoded()))) {
            throw invalid("CMS algorithm protection check failed for digestAlgorithm");
        }
        if (!equivalent(parsed.getSignatureAlgorithm(),
                AlgorithmIdentifier.getInstance(signer.signatureAlgorithm().encoded()))) {
            throw invalid("CMS algorithm protection check failed for signatureAlgorithm");
        }
    }

    private static boolean equivalent(AlgorithmIdentifier a, AlgorithmIdentifier b) {
        if (a == null || b == null || !a.getAlgorithm().equals(b.getAlgorithm())) {
            return false;
        }
        ASN1Encodable p = a.getParameters();
        ASN1Encodable q = b.getParameters();
        if (p != null) {
            return p.equals(q) || (p.equals(DERNull.INSTANCE) && q == null);
        }
        return q == null || q.equals(DERNull.INSTANCE);
    }

    private static Refusal invalid(String detail) {
        return new Refusal(Reason.SIGNATURE_INVALID, detail);
    }

    /** The certificate the SignerIdentifier names, the first in the CMS's order; {@code null} when none. */
    private static SignerCertificates.Known signerCertificate(SignedCms.Signer signer,
            List<SignerCertificates.Known> known) {
        try {
            Der.Tlv sid = signer.sid();
            if (sid.tag() == Der.SEQUENCE) {
                Der.Tlv issuer = sid.first().expect(Der.SEQUENCE);
                Der.Tlv serial = issuer.next(sid).expect(Der.INTEGER);
                BigInteger number = new BigInteger(serial.value());
                X500Name name = null;
                for (SignerCertificates.Known candidate : known) {
                    if (!candidate.serial.equals(number)) {
                        continue;
                    }
                    if (issuer.length() == candidate.issuer.length && Arrays.equals(issuer.bytes(), issuer.start(),
                            issuer.end(), candidate.issuer, 0, candidate.issuer.length)) {
                        return candidate;
                    }
                    // Names equal but encoded differently (string types, case): X.500 comparison.
                    if (name == null) {
                        name = X500Name.getInstance(issuer.encoded());
                    }
                    if (candidate.holder.getIssuer().equals(name)) {
                        return candidate;
                    }
                }
                return null;
            }
            byte[] keyId = sid.value();
            for (SignerCertificates.Known candidate : known) {
                boolean match = candidate.subjectKeyId != null ? Arrays.equals(keyId, candidate.subjectKeyId)
                        : new SignerId(keyId).match(candidate.holder);
                if (match) {
                    return candidate;
                }
            }
            return null;
        } catch (Der.NotDer | RuntimeException e) {
            throw new Refusal(Reason.SIGNATURE_MALFORMED, "SignerIdentifier cannot be read", e);
        }
    }

    private static CertificateHolder holderOf(SignedCms.Signer signer, List<SignerCertificates.Known> known) {
        try {
            SignerCertificates.Known certificate = signerCertificate(signer, known);
            return certificate == null ? null : certificate.identity;
        } catch (Refusal unreadable) {
            return null;
        }
    }

    private static Instant signingTime(Attributes attributes) {
        Der.Tlv attribute = attributes.first(Oids.SIGNING_TIME);
        List<Der.Tlv> values;
        try {
            values = attribute == null ? List.of() : Attributes.valuesOf(attribute);
        } catch (Der.NotDer e) {
            throw new Refusal(Reason.SIGNATURE_MALFORMED, "signing-time cannot be read", e);
        }
        if (values.size() != 1) {
            throw new Refusal(Reason.SIGNED_ATTRIBUTES_MISSING, "signing-time");
        }
        try {
            return SigningTimes.read(values.get(0));
        } catch (RuntimeException e) {
            throw new Refusal(Reason.SIGNATURE_MALFORMED, "signing-time is not a Time", e);
        }
    }

    /**
     * BouncyCastle's CMS verification with GOST operators (for time-stamp tokens). Its stock
     * verifier maps the SignerInfo's algorithm through a table of names that has no Kazakh OIDs,
     * so this one hands the SignerInfo's own signature algorithm straight to the GOST content
     * verifier.
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
}
