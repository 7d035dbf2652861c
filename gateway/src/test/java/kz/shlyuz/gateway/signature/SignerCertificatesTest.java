package kz.shlyuz.gateway.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import kz.shlyuz.certs.cms.CmsSigner;
import kz.shlyuz.certs.cms.SignerKey;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.certs.pki.DevPki;
import kz.shlyuz.gateway.TestPki;
import kz.shlyuz.gateway.status.Reason;
import kz.shlyuz.gateway.status.Refusal;
import org.junit.jupiter.api.Test;

/**
 * Caching what a certificate parses to saves no check: a known signer's bad signature is still
 * refused. What is kept is what a verified signature's path used, so the issuing CA's certificate
 * carried in every signature is parsed once, and nothing of a refused signature is kept.
 */
class SignerCertificatesTest {
    private final DevPki pki = TestPki.get();
    private final Clock clock = Clock.systemUTC();
    private final SignatureVerifier verifier = new SignatureVerifier(
            new TrustMaterial(pki.signingTrustAnchors(), pki.signingIntermediates(), pki.crls()),
            clock,
            Duration.ofMinutes(5));

    @Test
    void knownSignersSignatureOverOtherBytesIsRefusedAfterAGoodOne() {
        SignerKey citizen = pki.signerKey(Persona.CLEAN.key());
        byte[] content = "first".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] signature = new CmsSigner(clock).signDetached(content, List.of(citizen));
        assertEquals(1, verifier.verify(content, signature).size());
        assertEquals(1, verifier.verify(content, signature).size());

        byte[] other = "second".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Refusal refusal = assertThrows(Refusal.class, () -> verifier.verify(other, signature));
        assertEquals(Reason.SIGNATURE_INVALID, refusal.reason());
    }

    @Test
    void knownSignersRevokedColleagueIsStillRefused() {
        SignerKey citizen = pki.signerKey(Persona.CLEAN.key());
        byte[] content = "a".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        verifier.verify(content, new CmsSigner(clock).signDetached(content, List.of(citizen)));
        byte[] revokedSignature = new CmsSigner(clock).signDetached(content, List.of(pki.signerKey("test-revoked")));
        for (int i = 0; i < 2; i++) {
            Refusal refusal = assertThrows(Refusal.class, () -> verifier.verify(content, revokedSignature));
            assertEquals(Reason.CERT_REVOKED, refusal.reason());
        }
    }

    @Test
    void theIssuersCertificateCarriedInTheCmsIsKeptOnceForAllItsHolders() {
        VerifierParts parts = parts();
        SignatureVerifier fresh = new SignatureVerifier(parts);
        byte[] content = "a".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        CmsSigner signer = new CmsSigner(clock);
        fresh.verify(content, signer.signDetached(content, pki.signerKey(Persona.CLEAN.key())));
        // The signer's certificate and the intermediate CA's that the CMS carries with it.
        assertEquals(2, parts.locator().kept());
        fresh.verify(content, signer.signDetached(content, pki.signerKey(Persona.EMPLOYER.key())));
        assertEquals(3, parts.locator().kept(), "the second holder of the same CA adds only its own certificate");
    }

    @Test
    void nothingOfARefusedSignatureIsKept() {
        VerifierParts parts = parts();
        SignatureVerifier fresh = new SignatureVerifier(parts);
        byte[] content = "a".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] signature = new CmsSigner(clock).signDetached(content, pki.signerKey(Persona.CLEAN.key()));
        byte[] other = "b".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThrows(Refusal.class, () -> fresh.verify(other, signature));
        assertEquals(0, parts.locator().kept());
    }

    private VerifierParts parts() {
        return VerifierParts.of(
                new TrustMaterial(pki.signingTrustAnchors(), pki.signingIntermediates(), pki.crls()),
                clock,
                VerificationPolicy.online(Duration.ofMinutes(5)),
                SignatureLimits.defaults(),
                SignatureEvents.NONE);
    }
}
