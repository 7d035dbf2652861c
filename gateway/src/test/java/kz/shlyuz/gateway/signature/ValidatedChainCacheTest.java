package kz.shlyuz.gateway.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
    private final TrustMaterial trust = new TrustMaterial(pki.signingTrustAnchors(), pki.signingIntermediates(),
            pki.crls());

    private static List<X509Certificate> supplied(SignerKey key) {
        List<X509Certificate> all = new ArrayList<>();
        all.add(key.certificate());
        all.addAll(key.chain());
        return all;
    }

    @Test
    void secondValidationOfTheSameSignerIsAnsweredFromTheCache() {
        CertificatePaths paths = new CertificatePaths(trust);
        SignerKey citizen = pki.signerKey(Persona.CLEAN.key());
        Instant now = Instant.now();
        List<X509Certificate> first = paths.validate(citizen.certificate(), supplied(citizen), now);
        List<X509Certificate> second = paths.validate(citizen.certificate(), supplied(citizen), now.plusSeconds(1));
        assertSame(first, second);
        assertEquals(citizen.certificate(), first.get(0));
    }

    @Test
    void entryIsNotUsedAfterTheCrlsNextUpdateNorBeforeItsThisUpdate() {
        ValidatedChainCache cache = new ValidatedChainCache(trust.crls());
        SignerKey citizen = pki.signerKey(Persona.CLEAN.key());
        List<X509Certificate> path = new CertificatePaths(trust).validate(citizen.certificate(), supplied(citizen),
                Instant.now());
        cache.remember(citizen.certificate(), path, pki.signingTrustAnchors().get(0));
        Instant nextUpdate = trust.crls().stream().map(X509CRL::getNextUpdate).min(java.util.Date::compareTo)
                .orElseThrow().toInstant();
        Instant thisUpdate = trust.crls().stream().map(X509CRL::getThisUpdate).max(java.util.Date::compareTo)
                .orElseThrow().toInstant();
        assertNotNull(cache.find(citizen.certificate(), Instant.now()));
        assertNull(cache.find(citizen.certificate(), nextUpdate));
        assertNull(cache.find(citizen.certificate(), thisUpdate.minus(Duration.ofSeconds(1))));
    }

    @Test
    void revokedCertificateIsRefusedEveryTimeAndNeverCached() {
        CertificatePaths paths = new CertificatePaths(trust);
        SignerKey revoked = pki.signerKey("test-revoked");
        for (int i = 0; i < 2; i++) {
            Refusal refusal = assertThrows(Refusal.class,
                    () -> paths.validate(revoked.certificate(), supplied(revoked), Instant.now()));
            assertEquals(Reason.CERT_REVOKED, refusal.reason());
        }
        ValidatedChainCache cache = new ValidatedChainCache(trust.crls());
        cache.remember(revoked.certificate(), supplied(revoked), pki.signingTrustAnchors().get(0));
        assertEquals(0, cache.size());
    }

    @Test
    void expiredCertificateIsNotServedFromTheCacheOutsideItsValidity() {
        ValidatedChainCache cache = new ValidatedChainCache(trust.crls());
        SignerKey citizen = pki.signerKey(Persona.CLEAN.key());
        cache.remember(citizen.certificate(), supplied(citizen), pki.signingTrustAnchors().get(0));
        Instant afterExpiry = citizen.certificate().getNotAfter().toInstant().plusSeconds(1);
        assertNull(cache.find(citizen.certificate(), afterExpiry));
    }
}
