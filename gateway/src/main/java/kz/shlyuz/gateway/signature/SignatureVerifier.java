package kz.shlyuz.gateway.signature;

import com.google.protobuf.ByteString;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import kz.shlyuz.certs.identity.CertificateHolder;
import kz.shlyuz.gateway.status.Reason;
import kz.shlyuz.gateway.status.Refusal;
import kz.shlyuz.gateway.status.Untrusted;

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
 * <p>A facade over parts with one job each, asked in this order for each SignerInfo: the envelope
 * and its bounds ({@link SignedEnvelope}); the attributes that must be there
 * ({@link SignedAttributeRules#read}); the signer's certificate in the CMS, a signing one
 * ({@link SignerLocator}); the algorithms ({@link AlgorithmPolicy}); an issuer the trust knows
 * ({@link CertificatePaths#mayChain}); the attribute rules of RFC 5652 §11 and RFC 6211 and the
 * signature value ({@link SignedAttributeRules#check}); the time-stamp ({@link TimeStamps}) and
 * the signing-time window ({@link SigningTimeWindow}); the path to a trust anchor at that time and
 * revocation ({@link CertificatePaths}, {@link RevocationCheck}, {@link OcspClient}). These are
 * the checks BouncyCastle's {@code SignerInformation.verify} makes, with the same outcomes
 * (SignedAttributesTest), without its re-encoding and date formatting.
 */
public final class SignatureVerifier {
    private final VerifierParts parts;

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
        this(trust, clock, policy, limits, SignatureEvents.NONE);
    }

    /** @param events where the outside calls (OCSP requests, CRL decisions) are told: the gateway's metrics */
    public SignatureVerifier(
            TrustSource trust, Clock clock, VerificationPolicy policy, SignatureLimits limits, SignatureEvents events) {
        this(VerifierParts.of(trust, clock, policy, limits, events));
    }

    /** Over parts built elsewhere (a test's own revocation check or paths). */
    SignatureVerifier(VerifierParts parts) {
        this.parts = Objects.requireNonNull(parts, "parts");
    }

    /** A verified attached signature: the content it carried and its signers. */
    public record Attached(ByteString content, List<VerifiedSigner> signers) {
        public Attached {
            signers = List.copyOf(signers);
        }
    }

    /** One SignerInfo's outcome, for reports: exactly one of {@code signer} and {@code refusal} is set. */
    public record SignerOutcome(int index, VerifiedSigner signer, Refusal refusal, CertificateHolder holder) {}

    /**
     * Verifies a stand-alone RFC 3161 token over {@code data} as a signature's time-stamp is
     * verified (national TSA policy, imprint, TSA signature and certificate path at the stamped
     * time): the evidence archive's stamps over its chain heads. Refuses with
     * {@code TIMESTAMP_INVALID} when it does not hold; returns its description.
     */
    public String verifyTimeStamp(byte[] token, byte[] data) {
        return parts.timeStamps().standalone(token, data).description();
    }

    /** Verifies and returns the signers in SignerInfo order; refuses on the first defect. */
    public List<VerifiedSigner> verify(byte[] content, byte[] signature) {
        Objects.requireNonNull(content, "content");
        try {
            return signers(outcomes(parts.envelope().read(content, signature), true));
        } catch (StackOverflowError e) {
            throw tooDeep();
        }
    }

    /** Verifies an attached signature, taking the content from inside it. */
    public Attached verifyAttached(byte[] signature) {
        try {
            SignedEnvelope.Parsed parsed = parts.envelope().read(null, signature);
            return new Attached(ByteString.copyFrom(parsed.content()), signers(outcomes(parsed, true)));
        } catch (StackOverflowError e) {
            throw tooDeep();
        }
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
            return outcomes(parts.envelope().read(content, signature), false);
        } catch (StackOverflowError e) {
            throw tooDeep();
        }
    }

    /**
     * Each OCSP responder asked so far and whether it is left alone after a failure (its
     * {@link CircuitBreaker}); empty without OCSP.
     */
    public Map<URI, CircuitBreaker.State> ocspResponders() {
        return parts.ocsp() == null ? Map.of() : parts.ocsp().responders();
    }

    /**
     * The last guard behind {@link Asn1Bounds}: a structure nested inside a primitive value (a
     * time-stamp's TSTInfo, a certificate extension) is parsed by BouncyCastle or the JDK, which
     * recurse. Parsing holds no lock and changes no shared state, so the call is refused and the
     * thread goes on.
     */
    private static Refusal tooDeep() {
        return new Refusal(Reason.SIGNATURE_MALFORMED, "ASN.1 nested too deep");
    }

    private static List<VerifiedSigner> signers(List<SignerOutcome> outcomes) {
        return outcomes.stream().map(SignerOutcome::signer).toList();
    }

    private List<SignerOutcome> outcomes(SignedEnvelope.Parsed parsed, boolean failFast) {
        List<SignerCertificates.Known> known = parts.locator().candidates(parsed.cms());
        List<X509Certificate> supplied = known.stream().map(k -> k.certificate).toList();
        List<SignerOutcome> outcomes = new ArrayList<>(parsed.cms().signers().size());
        int index = 0;
        for (SignedCms.Signer signer : parsed.cms().signers()) {
            index++;
            try {
                outcomes.add(new SignerOutcome(index, verifySigner(parsed, signer, known, supplied), null, null));
            } catch (Refusal refusal) {
                if (failFast) {
                    throw refusal;
                }
                outcomes.add(new SignerOutcome(index, null, refusal, SignerLocator.holderOf(signer, known)));
            }
        }
        return outcomes;
    }

    private VerifiedSigner verifySigner(
            SignedEnvelope.Parsed parsed,
            SignedCms.Signer signer,
            List<SignerCertificates.Known> known,
            List<X509Certificate> supplied) {
        SignedAttributeRules.Read read = parts.attributes().read(signer);
        SignerCertificates.Known certificate = parts.locator().signingCertificate(signer, known);
        AlgorithmPolicy.Accepted algorithm = parts.algorithms().accept(signer, certificate);
        // Trust before arithmetic: a certificate whose issuer the trust does not know is refused
        // without computing anything with its key (the path itself is validated below).
        if (!parts.paths().mayChain(certificate.certificate, supplied)) {
            throw new Refusal(
                    Reason.CERT_UNTRUSTED,
                    "issuer "
                            + Untrusted.shown(certificate
                                    .certificate
                                    .getIssuerX500Principal()
                                    .getName()) + " is not in the trust store");
        }
        SignedAttributeRules.check(parsed, signer, read, certificate, algorithm);
        // A time-stamp proves when the signature existed; without one, the signer's own signing-time
        // is all there is. Whichever it is, the certificate is judged at that time.
        Optional<TimeStamps.Stamp> stamp =
                parts.timeStamps().of(read.unsigned(), signer.signature().value());
        CertificatePaths.Validated path = parts.paths()
                .validate(certificate.certificate, supplied, parts.window().judgedAt(read.signingTime(), stamp));
        // Only now is the certificate worth keeping: its holder's signature verified and its path holds.
        parts.locator().remember(certificate, known, path.path(), path.anchor());
        List<X509Certificate> chain = new ArrayList<>(path.path().size() + 1);
        chain.addAll(path.path());
        chain.add(path.anchor());
        return new VerifiedSigner(
                certificate.identity,
                certificate.certificate,
                read.signingTime(),
                chain,
                algorithm.description(),
                path.revocation(),
                stamp.map(TimeStamps.Stamp::description).orElse(""),
                RevocationCheck.takeEvidence());
    }
}
