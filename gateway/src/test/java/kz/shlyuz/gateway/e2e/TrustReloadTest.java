package kz.shlyuz.gateway.e2e;

import static kz.shlyuz.gateway.e2e.Assertions.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.certs.pki.DevPki;
import kz.shlyuz.client.RequestBuilder;
import kz.shlyuz.gateway.TestPki;
import kz.shlyuz.proto.v1.AddressCertificate;
import kz.shlyuz.proto.v1.AddressCertificateRequest;
import kz.shlyuz.proto.v1.ResponseContent;
import kz.shlyuz.proto.v1.SignedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trust anchors come from a configured folder and are picked up by a running gateway without a restart. */
class TrustReloadTest {

    @Test
    void gostRootAddedToTheTrustFolderIsTrustedWithoutRestartAndRemovedAgainIsNot(@TempDir Path trust)
            throws Exception {
        DevPki pki = TestPki.get();
        // The RSA hierarchy only: agencies (RSA) keep answering, GOST citizens are not trusted yet.
        write(trust, pki, "root-rsa", "intermediate-rsa");
        try (GatewayEnvironment env = new GatewayEnvironment(
                Set.of("gbd-fl"),
                c -> c.withSignerRules(c.signerRules()
                        .withTrustDirs(List.of(trust))
                        .withTrustRecheck(Duration.ZERO)
                        .withDevPkiTrust(false)))) {
            String iin = Persona.CLEAN.iin().value();
            assertRefused(
                    Status.Code.UNAUTHENTICATED,
                    "CERT_UNTRUSTED",
                    () -> env.client("egov-portal").call(request(env, iin, "aidar-clean-gost2015")));

            write(trust, pki, "root-gost2015", "intermediate-gost2015");
            var answer = env.client("egov-portal").call(request(env, iin, "aidar-clean-gost2015"));
            assertEquals(
                    iin,
                    ResponseContent.parseFrom(answer.getContent())
                            .getBody()
                            .unpack(AddressCertificate.class)
                            .getSubjectId());

            for (String name : List.of("root-gost2015.pem", "intermediate-gost2015.pem")) {
                Files.delete(trust.resolve(name));
            }
            assertRefused(
                    Status.Code.UNAUTHENTICATED,
                    "CERT_UNTRUSTED",
                    () -> env.client("egov-portal").call(request(env, iin, "aidar-clean-gost2015")));
        }
    }

    private static SignedRequest request(GatewayEnvironment env, String iin, String signer) {
        return env.requests.sign(
                RequestBuilder.content(
                        "egov-portal",
                        "ADDRESS_CERTIFICATE",
                        AddressCertificateRequest.newBuilder().setIin(iin).build(),
                        env.clock.instant()),
                List.of(env.pki.signerKey(signer)));
    }

    /** CA certificates as PEM and their CRLs as DER, as an operator would drop them in. */
    private static void write(Path dir, DevPki pki, String... cas) throws Exception {
        for (String ca : cas) {
            X509Certificate certificate = pki.certificate(pki.identity(ca));
            Files.writeString(
                    dir.resolve(ca + ".pem"),
                    "-----BEGIN CERTIFICATE-----\n"
                            + java.util.Base64.getMimeEncoder().encodeToString(certificate.getEncoded())
                            + "\n-----END CERTIFICATE-----\n");
            for (X509CRL crl : pki.crls()) {
                if (crl.getIssuerX500Principal().equals(certificate.getSubjectX500Principal())) {
                    Files.write(dir.resolve(ca + ".crl"), crl.getEncoded());
                }
            }
        }
    }
}
