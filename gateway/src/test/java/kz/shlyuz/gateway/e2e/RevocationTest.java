package kz.shlyuz.gateway.e2e;

import static kz.shlyuz.gateway.e2e.Assertions.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.certs.ocsp.OcspResponder;
import kz.shlyuz.certs.pki.DevCertificateStatuses;
import kz.shlyuz.certs.pki.DevPki;
import kz.shlyuz.client.Refusals;
import kz.shlyuz.client.RequestBuilder;
import kz.shlyuz.gateway.AdvanceableClock;
import kz.shlyuz.gateway.TestPki;
import kz.shlyuz.gateway.config.GatewayConfig;
import kz.shlyuz.gateway.config.SignerRules;
import kz.shlyuz.proto.v1.AddressCertificate;
import kz.shlyuz.proto.v1.AddressCertificateRequest;
import kz.shlyuz.proto.v1.ResponseContent;
import kz.shlyuz.proto.v1.SignedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Revocation as the national CA publishes it: OCSP with a cache, CRLs as the fallback, a policy for neither. */
class RevocationTest {
    private static final String PORTAL = "egov-portal";
    private static final String SIGNER = "aidar-clean-gost2015";
    private final DevPki pki = TestPki.get();

    private static SignedRequest request(GatewayEnvironment env) {
        return env.requests.sign(
                RequestBuilder.content(
                        PORTAL,
                        "ADDRESS_CERTIFICATE",
                        AddressCertificateRequest.newBuilder()
                                .setIin(Persona.CLEAN.iin().value())
                                .build(),
                        env.clock.instant()),
                List.of(env.pki.signerKey(SIGNER)));
    }

    private static String answeredSubject(GatewayEnvironment env) throws Exception {
        return ResponseContent.parseFrom(env.client(PORTAL).call(request(env)).getContent())
                .getBody()
                .unpack(AddressCertificate.class)
                .getSubjectId();
    }

    private static GatewayConfig withOcsp(GatewayConfig c, URI responder, Duration cacheTtl) {
        SignerRules rules = c.signerRules();
        return c.withSignerRules(
                rules.withOcsp(rules.ocsp().withResponder(responder).withCacheTtl(cacheTtl)));
    }

    @Test
    void certificateRevokedWhileTheGatewayRunsIsRefusedOnceTheCachedOcspAnswerExpires() throws Exception {
        AdvanceableClock clock = new AdvanceableClock();
        DevCertificateStatuses statuses = pki.certificateStatuses();
        Duration cacheTtl = Duration.ofSeconds(60);
        try (OcspResponder responder = OcspResponder.start(
                        new InetSocketAddress("127.0.0.1", 0),
                        pki.ocspAuthorities(),
                        statuses,
                        clock,
                        Duration.ofMinutes(10));
                GatewayEnvironment env =
                        new GatewayEnvironment(Set.of("gbd-fl"), c -> withOcsp(c, responder.uri(), cacheTtl), clock)) {
            String iin = Persona.CLEAN.iin().value();
            assertEquals(iin, answeredSubject(env));

            // The CA revokes the key (its CRL file stays as it was: only OCSP knows).
            statuses.revoke(
                    pki.certificate(pki.identity(SIGNER)),
                    clock.instant().minusSeconds(1),
                    org.bouncycastle.asn1.x509.CRLReason.keyCompromise);
            assertEquals(iin, answeredSubject(env), "within the cache window the earlier good answer stands");

            clock.advance(cacheTtl.plusSeconds(1));
            Refusals.Refused refused = assertRefused(
                    Status.Code.UNAUTHENTICATED,
                    "CERT_REVOKED",
                    () -> env.client(PORTAL).call(request(env)));
            assertTrue(
                    refused.russian().contains("KEY_COMPROMISE")
                            && refused.russian().contains("OCSP"),
                    refused.russian());
        }
    }

    @Test
    void whenNeitherOcspNorACrlAnswersTheSignerIsRefusedWithBothReasonsOrAcceptedIfConfigured(@TempDir Path trust)
            throws Exception {
        // The GOST 2015 hierarchy without its CRL; the RSA one (agencies) complete.
        for (String ca : List.of("root-rsa", "intermediate-rsa", "root-gost2015", "intermediate-gost2015")) {
            var certificate = pki.certificate(pki.identity(ca));
            Files.write(trust.resolve(ca + ".der"), certificate.getEncoded());
            if (ca.endsWith("-rsa")) {
                for (X509CRL crl : pki.crls()) {
                    if (crl.getIssuerX500Principal().equals(certificate.getSubjectX500Principal())) {
                        Files.write(trust.resolve(ca + ".crl"), crl.getEncoded());
                    }
                }
            }
        }
        URI nobody = URI.create("http://127.0.0.1:" + GatewayEnvironment.closedPort() + "/ocsp");
        try (GatewayEnvironment strict = new GatewayEnvironment(
                Set.of("gbd-fl"),
                c -> withOcsp(c, nobody, Duration.ofMinutes(1))
                        .withSignerRules(withOcsp(c, nobody, Duration.ofMinutes(1))
                                .signerRules()
                                .withTrustDirs(List.of(trust))
                                .withDevPkiTrust(false)))) {
            Refusals.Refused refused = assertRefused(
                    Status.Code.UNAVAILABLE,
                    "REVOCATION_UNKNOWN",
                    () -> strict.client(PORTAL).call(request(strict)));
            assertTrue(refused.russian().contains("OCSP") && refused.russian().contains("no CRL"), refused.russian());
        }
        try (GatewayEnvironment lenient = new GatewayEnvironment(
                Set.of("gbd-fl"),
                c -> c.withSignerRules(withOcsp(c, nobody, Duration.ofMinutes(1))
                        .signerRules()
                        .withTrustDirs(List.of(trust))
                        .withDevPkiTrust(false)
                        .withSoftFailRevocation(true)))) {
            assertEquals(Persona.CLEAN.iin().value(), answeredSubject(lenient));
        }
    }

    @Test
    void revokedOnTheCrlIsRefusedEvenWhenTheOcspResponderIsDown() {
        // test-revoked-gost2015 is on the GOST 2015 intermediate's CRL; OCSP unreachable.
        URI nobody = URI.create("http://127.0.0.1:" + GatewayEnvironment.closedPort() + "/ocsp");
        try (GatewayEnvironment env =
                new GatewayEnvironment(Set.of("gbd-fl"), c -> withOcsp(c, nobody, Duration.ofMinutes(1)))) {
            SignedRequest request = env.requests.sign(
                    RequestBuilder.content(
                            PORTAL,
                            "ADDRESS_CERTIFICATE",
                            AddressCertificateRequest.newBuilder()
                                    .setIin(Persona.CLEAN.iin().value())
                                    .build(),
                            env.clock.instant()),
                    List.of(env.pki.signerKey("test-revoked-gost2015")));
            assertRefused(
                    Status.Code.UNAUTHENTICATED,
                    "CERT_REVOKED",
                    () -> env.client(PORTAL).call(request));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
