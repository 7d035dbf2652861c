package kz.shlyuz.gateway.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import kz.shlyuz.certs.cms.SignerKey;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.certs.pki.DevPki;
import kz.shlyuz.gateway.TestPki;
import kz.shlyuz.gateway.status.Reason;
import kz.shlyuz.gateway.status.Refusal;
import org.junit.jupiter.api.Test;

/** The validated-chain cache answers only where a fresh PKIX validation would say the same. */
class ValidatedChainCacheTest {
    private final DevPki pki = TestPki.get();
    private final TrustMaterial trust =
            new TrustMaterial(pki.signingTrustAnchors(), pki.signingIntermediates(), pki.crls());

    private static List<X509Certificate> supplied(SignerKey key) {
        List<X509Certificate> all = new ArrayList<>();
        all.add(key.certificate());
        all.addAll(key.chain());
        return all;
    }

    private static CertificatePaths paths(TrustSource source) {
        return new CertificatePaths(
                source, new RevocationCheck(null, null, VerificationPolicy.RevocationMode.REQUIRE, Clock.systemUTC()));
    }

    @Test
    void secondValidationOfTheSameSignerIsAnsweredFromTheCache() {
        CertificatePaths paths = paths(trust);
        SignerKey citizen = pki.signerKey(Persona.CLEAN.key());
        Instant now = Instant.now();
        CertificatePaths.Validated first = paths.validate(citizen.certificate(), supplied(citizen), now);
        CertificatePaths.Validated second =
                paths.validate(citizen.certificate(), supplied(citizen), now.plusSeconds(1));
        assertSame(first.path(), second.path());
        assertEquals(citizen.certificate(), first.path().get(0));
    }

    @Test
    void revokedCertificateIsRefusedEveryTimeAndNeverCached() {
        CertificatePaths paths = paths(trust);
        SignerKey revoked = pki.signerKey("test-revoked");
        for (int i = 0; i < 2; i++) {
            Refusal refusal = assertThrows(
                    Refusal.class, () -> paths.validate(revoked.certificate(), supplied(revoked), Instant.now()));
            assertEquals(Reason.CERT_REVOKED, refusal.reason());
        }
    }

    @Test
    void entryIsNotUsedOutsideTheValidityOfItsPath() {
        ValidatedChainCache cache = new ValidatedChainCache();
        SignerKey citizen = pki.signerKey(Persona.CLEAN.key());
        cache.remember(
                citizen.certificate(),
                supplied(citizen),
                pki.signingTrustAnchors().get(0));
        assertNotNull(cache.find(citizen.certificate(), Instant.now()));
        assertNull(cache.find(
                citizen.certificate(),
                citizen.certificate().getNotAfter().toInstant().plusSeconds(1)));
        assertNull(cache.find(
                citizen.certificate(),
                citizen.certificate().getNotBefore().toInstant().minusSeconds(1)));
    }

    @Test
    void reloadedTrustStartsWithAnEmptyCache() {
        AtomicReference<TrustMaterial> current = new AtomicReference<>(trust);
        CertificatePaths paths = paths(current::get);
        SignerKey citizen = pki.signerKey(Persona.CLEAN.key());
        CertificatePaths.Validated before = paths.validate(citizen.certificate(), supplied(citizen), Instant.now());
        current.set(new TrustMaterial(trust.anchors(), trust.intermediates(), trust.crls()));
        CertificatePaths.Validated after = paths.validate(citizen.certificate(), supplied(citizen), Instant.now());
        assertNotSame(before.path(), after.path());
        assertEquals(before.path(), after.path());
    }
}
