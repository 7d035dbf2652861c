package kz.shlyuz.gateway.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import kz.shlyuz.certs.cms.CmsSigner;
import kz.shlyuz.certs.cms.SignerKey;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.certs.pki.DevPki;
import kz.shlyuz.gateway.AdvanceableClock;
import kz.shlyuz.gateway.StallingPeer;
import kz.shlyuz.gateway.TestPki;
import kz.shlyuz.gateway.status.Reason;
import kz.shlyuz.gateway.status.Refusal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An OCSP responder that accepts connections and never answers costs one timeout, not one per
 * call: after the first failure it is left alone for {@code openFor} (the breaker is open), the
 * revocation policy decides at once, and after {@code openFor} one call probes it again. Time is
 * the adjustable clock's: no test waits for the breaker.
 */
class OcspBreakerTest {
    private static final byte[] CONTENT = "{}".getBytes(StandardCharsets.UTF_8);
    private static final Duration OPEN_FOR = Duration.ofSeconds(30);
    private final DevPki pki = TestPki.get();
    private final SignerKey citizen = pki.signerKey(Persona.CLEAN.key());
    private final AdvanceableClock clock = new AdvanceableClock();
    private StallingPeer blackHole;

    @BeforeEach
    void openBlackHole() throws IOException {
        blackHole = new StallingPeer(StallingPeer.Mode.SILENT);
    }

    @AfterEach
    void close() throws Exception {
        blackHole.close();
    }

    private URI responder() {
        return blackHole.uri("/ocsp");
    }

    private SignatureVerifier verifier(boolean withCrls, VerificationPolicy.RevocationMode mode) {
        TrustMaterial trust = new TrustMaterial(
                pki.signingTrustAnchors(), pki.signingIntermediates(), withCrls ? pki.crls() : List.of());
        VerificationPolicy policy = new VerificationPolicy(
                Duration.ofMinutes(5),
                mode,
                OcspSettings.defaults()
                        .withResponder(responder())
                        .withTimeout(Duration.ofSeconds(1))
                        .withBreaker(new OcspSettings.Breaker(OPEN_FOR, 8)));
        return new SignatureVerifier(trust, clock, policy, SignatureLimits.defaults());
    }

    private byte[] signature() {
        return new CmsSigner(clock).signDetached(CONTENT, List.of(citizen));
    }

    private CircuitBreaker.State state(SignatureVerifier verifier) {
        return verifier.ocspResponders().get(responder());
    }

    @Test
    void refusesAtOnceWhileTheSilentResponderIsLeftAloneUnderHardFail() {
        SignatureVerifier verifier = verifier(false, VerificationPolicy.RevocationMode.REQUIRE);
        Refusal first = assertThrows(Refusal.class, () -> verifier.verify(CONTENT, signature()));
        assertEquals(Reason.REVOCATION_UNKNOWN, first.reason(), first.detail());
        assertTrue(first.detail().contains("unreachable"), first.detail());
        CircuitBreaker.State open = state(verifier);
        assertEquals(CircuitBreaker.Position.OPEN, open.position());
        assertEquals(1, open.failures());

        // The next call does not ask the responder (no second timeout): the refusal says it is left alone.
        Refusal second = assertThrows(Refusal.class, () -> verifier.verify(CONTENT, signature()));
        assertEquals(Reason.REVOCATION_UNKNOWN, second.reason());
        assertTrue(second.detail().contains("left alone until " + open.openUntil()), second.detail());
        assertEquals(open, state(verifier), "not asked again while open");
    }

    @Test
    @Timeout(30) // without a deadline on the body this call would never return
    void aResponderThatSendsItsHeadersAndStallsTheBodyCostsOneTimeoutAndIsLeftAlone() throws Exception {
        blackHole.close();
        blackHole = new StallingPeer(StallingPeer.Mode.HEADERS_THEN_STALL);
        SignatureVerifier verifier = verifier(false, VerificationPolicy.RevocationMode.REQUIRE);
        Refusal first = assertThrows(Refusal.class, () -> verifier.verify(CONTENT, signature()));
        assertEquals(Reason.REVOCATION_UNKNOWN, first.reason(), first.detail());
        assertTrue(first.detail().contains("unreachable (HttpTimeoutException)"), first.detail());
        assertEquals(CircuitBreaker.Position.OPEN, state(verifier).position());
        Refusal second = assertThrows(Refusal.class, () -> verifier.verify(CONTENT, signature()));
        assertTrue(second.detail().contains("left alone"), second.detail());
    }

    @Test
    void probesOnceTheOpenTimeHasPassedAndOpensAgainOnAnotherFailure() {
        SignatureVerifier verifier = verifier(false, VerificationPolicy.RevocationMode.REQUIRE);
        assertThrows(Refusal.class, () -> verifier.verify(CONTENT, signature()));
        CircuitBreaker.State open = state(verifier);

        clock.advance(OPEN_FOR);
        Refusal probe = assertThrows(Refusal.class, () -> verifier.verify(CONTENT, signature()));
        assertTrue(probe.detail().contains("unreachable"), "the probe asked the responder: " + probe.detail());
        CircuitBreaker.State reopened = state(verifier);
        assertEquals(CircuitBreaker.Position.OPEN, reopened.position());
        assertEquals(2, reopened.failures());
        assertTrue(reopened.openUntil().isAfter(open.openUntil()));
    }

    @Test
    void fallsBackToTheCrlAtOnceWhileTheResponderIsLeftAlone() {
        SignatureVerifier verifier = verifier(true, VerificationPolicy.RevocationMode.REQUIRE);
        assertTrue(verifier.verify(CONTENT, signature()).get(0).revocation().startsWith("not revoked (CRL"));
        assertEquals(CircuitBreaker.Position.OPEN, state(verifier).position());
        String second = verifier.verify(CONTENT, signature()).get(0).revocation();
        assertTrue(second.startsWith("not revoked (CRL") && second.contains("left alone"), second);
    }

    @Test
    void acceptsAtOnceUnderSoftFailWhileTheResponderIsLeftAlone() {
        SignatureVerifier verifier = verifier(false, VerificationPolicy.RevocationMode.SOFT_FAIL);
        assertTrue(verifier.verify(CONTENT, signature()).get(0).revocation().startsWith("unknown, accepted by policy"));
        String second = verifier.verify(CONTENT, signature()).get(0).revocation();
        assertTrue(second.startsWith("unknown, accepted by policy") && second.contains("left alone"), second);
        assertEquals(1, state(verifier).failures());
    }
}
