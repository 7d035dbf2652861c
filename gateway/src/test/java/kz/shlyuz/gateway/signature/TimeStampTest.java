package kz.shlyuz.gateway.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import kz.shlyuz.certs.cms.CmsSigner;
import kz.shlyuz.certs.cms.SignerKey;
import kz.shlyuz.certs.pki.DevPki;
import kz.shlyuz.certs.tsa.TimeStampAuthority;
import kz.shlyuz.gateway.TestPki;
import kz.shlyuz.gateway.status.Reason;
import kz.shlyuz.gateway.status.Refusal;
import org.junit.jupiter.api.Test;

/** RFC 3161 time-stamps on SignerInfos: the certificate is judged at the stamped time. */
class TimeStampTest {
    private static final byte[] CONTENT = "stamped".getBytes(StandardCharsets.UTF_8);
    private final DevPki pki = TestPki.get();
    /** One RSA TSA key for the class: RSA key generation is the slow part. */
    private static SignerKey rsaTsa;

    @org.junit.jupiter.api.BeforeAll
    static void tsa() {
        rsaTsa = TestPki.get().newTimeStampingKey("RSA");
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    private static SignatureVerifier online(Instant now) {
        return new SignatureVerifier(
                TestPki.trust(),
                at(now),
                VerificationPolicy.online(Duration.ofMinutes(5)).withOcsp(null));
    }

    private byte[] signAndStamp(String signer, Instant signedAt, Instant stampedAt) {
        TimeStampAuthority tsa = new TimeStampAuthority(rsaTsa, at(stampedAt));
        return new CmsSigner(at(signedAt)).withTimeStamps(tsa).signDetached(CONTENT, pki.signerKey(signer));
    }

    @Test
    void signatureStampedWhileTheCertificateWasValidStaysValidAfterItExpired() {
        Instant expiry =
                pki.certificate(pki.identity("test-expired")).getNotAfter().toInstant();
        byte[] stamped = signAndStamp("test-expired", expiry.minusSeconds(60), expiry.minusSeconds(60));

        // Two minutes after the certificate expired, the stamp (one minute before) is within the window.
        VerifiedSigner signer =
                online(expiry.plusSeconds(120)).verify(CONTENT, stamped).get(0);
        assertTrue(signer.timeStamp().contains("1.2.398.3.3.2.6.2"), signer.timeStamp());
        assertTrue(signer.timeStamp().startsWith(expiry.minusSeconds(60).toString()), signer.timeStamp());
    }

    @Test
    void gostTsaStampsUnderTheGost2015Policy() {
        Instant now = Instant.now();
        TimeStampAuthority tsa = new TimeStampAuthority(pki.newTimeStampingKey("GOST2015-512"), at(now));
        byte[] stamped =
                new CmsSigner(at(now)).withTimeStamps(tsa).signDetached(CONTENT, pki.signerKey("aidar-clean-gost2004"));
        VerifiedSigner signer = online(now).verify(CONTENT, stamped).get(0);
        assertTrue(signer.timeStamp().contains("1.2.398.3.3.2.6.4"), signer.timeStamp());
    }

    @Test
    void theStaleWindowAppliesToTheStampNotTheSigningTimeClaim() {
        Instant now = Instant.now();
        byte[] stamped =
                signAndStamp("aidar-clean", now.minus(Duration.ofMinutes(10)), now.minus(Duration.ofMinutes(10)));
        Refusal refusal = assertThrows(Refusal.class, () -> online(now).verify(CONTENT, stamped));
        assertEquals(Reason.MESSAGE_STALE, refusal.reason());
        assertTrue(refusal.detail().startsWith("time-stamp"), refusal.detail());
    }

    @Test
    void refusesASigningTimeLaterThanItsOwnTimeStamp() {
        Instant now = Instant.now();
        byte[] stamped = signAndStamp("aidar-clean", now, now.minus(Duration.ofMinutes(3)));
        Refusal refusal = assertThrows(Refusal.class, () -> online(now).verify(CONTENT, stamped));
        assertEquals(Reason.TIMESTAMP_INVALID, refusal.reason());
        assertTrue(refusal.detail().contains("after the time-stamp"), refusal.detail());
    }

    @Test
    void refusesATokenThatStampsAnotherSignatureValue() {
        Instant now = Instant.now();
        TimeStampAuthority tsa = new TimeStampAuthority(rsaTsa, at(now));
        byte[] stamped = new CmsSigner(at(now))
                .withTimeStamps(signature -> tsa.timeStampToken(new byte[] {1, 2, 3}))
                .signDetached(CONTENT, pki.signerKey("aidar-clean"));
        Refusal refusal = assertThrows(Refusal.class, () -> online(now).verify(CONTENT, stamped));
        assertEquals(Reason.TIMESTAMP_INVALID, refusal.reason());
        assertTrue(refusal.detail().contains("another signature"), refusal.detail());
    }

    @Test
    void refusesAStampByACertificateWithoutTheTimeStampingPurpose() {
        Instant now = Instant.now();
        // A citizen's signing key is no TSA: BouncyCastle's generator itself will not issue with it.
        assertThrows(
                RuntimeException.class,
                () -> new TimeStampAuthority(pki.signerKey("aidar-clean"), at(now)).timeStampToken(new byte[] {1}));
    }

    @Test
    void unstampedSignatureIsJudgedAtItsSigningTime() {
        Instant now = Instant.now();
        VerifiedSigner signer = online(now)
                .verify(CONTENT, new CmsSigner(at(now)).signDetached(CONTENT, List.of(pki.signerKey("aidar-clean"))))
                .get(0);
        assertEquals("", signer.timeStamp());
    }
}
