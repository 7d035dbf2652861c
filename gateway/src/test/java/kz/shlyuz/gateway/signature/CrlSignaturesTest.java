package kz.shlyuz.gateway.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import kz.shlyuz.certs.cms.CmsSigner;
import kz.shlyuz.certs.cms.SignerKey;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.certs.pki.DevPki;
import kz.shlyuz.gateway.TestPki;
import kz.shlyuz.gateway.status.Reason;
import kz.shlyuz.gateway.status.Refusal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/**
 * Keeping a CRL's signature verdict keeps a forged CRL forged: a CRL under the issuer's name but
 * signed by another key never vouches for a signer, the first time or any later time.
 */
class CrlSignaturesTest {
    private static final byte[] CONTENT = "{}".getBytes(StandardCharsets.UTF_8);
    private final DevPki pki = TestPki.get();
    private final Clock clock = Clock.systemUTC();
    private final SignerKey citizen = pki.signerKey(Persona.CLEAN.key());

    @Test
    void crlOfTheIssuersNameSignedByAnotherKeyLeavesRevocationUnknownEveryTime() throws Exception {
        List<X509CRL> crls = new ArrayList<>();
        for (X509CRL crl : pki.crls()) {
            if (!crl.getIssuerX500Principal().equals(citizen.certificate().getIssuerX500Principal())) {
                crls.add(crl);
            }
        }
        assertTrue(crls.size() < pki.crls().size(), "the dev PKI has a CRL of the citizen's issuer");
        crls.add(forgedCrl());
        SignatureVerifier verifier = new SignatureVerifier(
                new TrustMaterial(pki.signingTrustAnchors(), pki.signingIntermediates(), crls),
                clock,
                Duration.ofMinutes(5));
        byte[] signature = new CmsSigner(clock).signDetached(CONTENT, List.of(citizen));
        for (int i = 0; i < 3; i++) {
            Refusal refusal = assertThrows(Refusal.class, () -> verifier.verify(CONTENT, signature));
            assertEquals(Reason.REVOCATION_UNKNOWN, refusal.reason(), refusal.detail());
        }
        SignatureVerifier genuine = new SignatureVerifier(TestPki.trust(), clock, Duration.ofMinutes(5));
        for (int i = 0; i < 3; i++) {
            assertEquals(1, genuine.verify(CONTENT, signature).size());
        }
    }

    private X509CRL forgedCrl() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair other = generator.generateKeyPair();
        Instant now = Instant.now();
        X509v2CRLBuilder builder = new X509v2CRLBuilder(
                X500Name.getInstance(
                        citizen.certificate().getIssuerX500Principal().getEncoded()),
                Date.from(now.minusSeconds(60)));
        builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(1))));
        return new JcaX509CRLConverter()
                .getCRL(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(other.getPrivate())));
    }
}
