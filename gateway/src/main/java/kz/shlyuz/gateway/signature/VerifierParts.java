package kz.shlyuz.gateway.signature;

import java.time.Clock;
import java.util.Objects;
import kz.shlyuz.certs.gost.GostProvider;

/**
 * The parts {@link SignatureVerifier} is a facade over, each with one job, wired from a policy and
 * limits. A test or another wiring may build them itself: they are plain objects with no global
 * state.
 *
 * @param ocsp the OCSP client the revocation check asks, or {@code null} without OCSP (kept here
 *     for {@link SignatureVerifier#ocspResponders})
 */
record VerifierParts(
        SignedEnvelope envelope,
        SignerLocator locator,
        SignedAttributeRules attributes,
        AlgorithmPolicy algorithms,
        SigningTimeWindow window,
        CertificatePaths paths,
        TimeStamps timeStamps,
        OcspClient ocsp) {

    VerifierParts {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(locator, "locator");
        Objects.requireNonNull(attributes, "attributes");
        Objects.requireNonNull(algorithms, "algorithms");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(paths, "paths");
        Objects.requireNonNull(timeStamps, "timeStamps");
    }

    /** The parts as the policy and limits ask for them; OCSP requests and CRL decisions are told to {@code events}. */
    static VerifierParts of(
            TrustSource trust, Clock clock, VerificationPolicy policy, SignatureLimits limits, SignatureEvents events) {
        // GOST keys, certificates and CRLs are read and verified through the JDK's own classes.
        GostProvider.install();
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(events, "events");
        OcspSettings settings = policy.ocsp();
        OcspClient ocsp = settings.enabled() ? new OcspClient(settings, clock, events) : null;
        RevocationCheck revocation = new RevocationCheck(
                ocsp,
                settings.enabled() ? settings.responder() : null,
                policy.revocation(),
                clock,
                limits.caches().crlSelections(),
                events);
        CertificatePaths paths =
                new CertificatePaths(trust, revocation, limits.caches().chains());
        return new VerifierParts(
                new SignedEnvelope(limits),
                new SignerLocator(limits),
                new SignedAttributeRules(limits),
                new AlgorithmPolicy(limits),
                new SigningTimeWindow(clock, policy.signingTimeWindow()),
                paths,
                new TimeStamps(paths),
                ocsp);
    }
}
