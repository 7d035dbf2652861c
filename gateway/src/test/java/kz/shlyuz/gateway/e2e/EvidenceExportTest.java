package kz.shlyuz.gateway.e2e;

import static kz.shlyuz.gateway.e2e.Assertions.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.grpc.Status;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import kz.shlyuz.certs.ocsp.OcspResponder;
import kz.shlyuz.certs.pki.DevCertificateStatuses;
import kz.shlyuz.gateway.AdvanceableClock;
import kz.shlyuz.gateway.config.SignerRules;
import kz.shlyuz.gateway.evidence.ContainerVerifier;
import kz.shlyuz.gateway.evidence.EvidenceExporter;
import kz.shlyuz.proto.seal.AnswerForm;
import kz.shlyuz.proto.v1.SignedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export to ASiC-E and offline verification, for answered and refused calls, through TLS. */
class EvidenceExportTest {

    @Test
    void exportsASynchronousCallThatVerifiesOfflineWithTheTrustAnchorsOnly(@TempDir Path dir) throws Exception {
        try (GatewayEnvironment env = new GatewayEnvironment(Set.of("gbd-fl"), c -> c);
                HikariDataSource db = EvidenceTools.database(env.config)) {
            SignedRequest request = EvidenceTools.addressRequest(env, EvidenceTools.SIGNER);
            env.client(EvidenceTools.PORTAL).call(request);
            assertTrue(env.gateway.evidence().stampNow());
            Path out = dir.resolve("call.asice");
            ContainerVerifier.Result result =
                    EvidenceTools.exportAndVerify(env.config, db, env.pki, EvidenceTools.messageId(request), out);
            assertTrue(result.holds(), String.join("\n", result.lines()));
            String text = String.join("\n", result.lines());
            assertTrue(text.contains("request: signed by") && text.contains("answer: signed by"), text);
            assertTrue(text.contains("the gateway's own signature"), text);
            assertTrue(text.contains("not revoked at signing time: CRL"), text);
            try (ZipFile zip = new ZipFile(out.toFile())) {
                ZipEntry first = zip.entries().nextElement();
                assertEquals("mimetype", first.getName());
                assertEquals(ZipEntry.STORED, first.getMethod());
                assertEquals(
                        EvidenceExporter.MIMETYPE,
                        new String(zip.getInputStream(first).readAllBytes(), StandardCharsets.UTF_8));
                assertTrue(zip.getEntry("META-INF/manifest.xml") != null
                        && zip.getEntry("chain/stamp.tst") != null
                        && zip.getEntry("request/signature.p7s") != null);
            }
            // Reading the body was audited.
            try (Connection c = db.getConnection();
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT actor, action, message_id FROM evidence_audit")) {
                assertTrue(rs.next());
                assertEquals("EXPORT", rs.getString(2));
                assertEquals(EvidenceTools.messageId(request), rs.getString(3));
            }
        }
    }

    @Test
    void aChangedContainerNoLongerVerifies(@TempDir Path dir) throws Exception {
        try (GatewayEnvironment env = new GatewayEnvironment(Set.of("gbd-fl"), c -> c);
                HikariDataSource db = EvidenceTools.database(env.config)) {
            SignedRequest request = EvidenceTools.addressRequest(env, EvidenceTools.SIGNER);
            env.client(EvidenceTools.PORTAL).call(request);
            env.gateway.evidence().stampNow();
            Path out = dir.resolve("call.asice");
            assertTrue(EvidenceTools.exportAndVerify(env.config, db, env.pki, EvidenceTools.messageId(request), out)
                    .holds());
            Path changed = dir.resolve("changed.asice");
            rewrite(out, changed, "record.properties", s -> s.replace("outcome=ANSWERED", "outcome=REFUSED"));
            ContainerVerifier.Result result = new ContainerVerifier(EvidenceTools.offline(env.pki)).verify(changed);
            assertFalse(result.holds());
            assertTrue(
                    String.join("\n", result.lines()).contains("does not give its digest"),
                    result.lines().toString());
        }
    }

    @Test
    void exportsARefusedCallWhoseRefusalIsProved(@TempDir Path dir) throws Exception {
        try (GatewayEnvironment env = new GatewayEnvironment(Set.of("gbd-fl"), c -> c);
                HikariDataSource db = EvidenceTools.database(env.config)) {
            // A call whose signature holds, refused by the gateway: burkit may not ask for an address certificate.
            SignedRequest request = env.requests.sign(
                    kz.shlyuz.client.RequestBuilder.content(
                            "burkit",
                            "ADDRESS_CERTIFICATE",
                            kz.shlyuz.proto.v1.AddressCertificateRequest.newBuilder()
                                    .setIin(kz.shlyuz.certs.identity.Persona.CLEAN
                                            .iin()
                                            .value())
                                    .build(),
                            env.clock.instant()),
                    java.util.List.of(env.pki.signerKey(EvidenceTools.SIGNER)));
            assertRefused(
                    Status.Code.PERMISSION_DENIED,
                    "SERVICE_NOT_ALLOWED",
                    () -> env.client("burkit").call(request));
            env.gateway.evidence().stampNow();
            ContainerVerifier.Result result = EvidenceTools.exportAndVerify(
                    env.config, db, env.pki, EvidenceTools.messageId(request), dir.resolve("refused.asice"));
            assertTrue(result.holds(), String.join("\n", result.lines()));
            assertTrue(
                    result.lines().get(0).contains("REFUSED (SERVICE_NOT_ALLOWED)"),
                    result.lines().get(0));
        }
    }

    @Test
    void aCertificateRevokedAfterTheCallStillVerifiesAtSigningTimeFromTheKeptOcspAnswer(@TempDir Path dir)
            throws Exception {
        AdvanceableClock clock = new AdvanceableClock();
        DevCertificateStatuses statuses = kz.shlyuz.gateway.TestPki.get().certificateStatuses();
        try (OcspResponder responder = OcspResponder.start(
                        new InetSocketAddress("127.0.0.1", 0),
                        kz.shlyuz.gateway.TestPki.get().ocspAuthorities(),
                        statuses,
                        clock,
                        Duration.ofMinutes(10));
                GatewayEnvironment env = new GatewayEnvironment(
                        Set.of("gbd-fl"),
                        c -> {
                            SignerRules rules = c.signerRules();
                            return c.withSignerRules(rules.withOcsp(rules.ocsp().withResponder(responder.uri())));
                        },
                        clock);
                HikariDataSource db = EvidenceTools.database(env.config)) {
            SignedRequest request = EvidenceTools.addressRequest(env, EvidenceTools.SIGNER);
            env.client(EvidenceTools.PORTAL).call(request);
            env.gateway.evidence().stampNow();
            // After the exchange the signer's key is compromised and revoked.
            clock.advance(Duration.ofMinutes(30));
            statuses.revoke(
                    env.pki.certificate(env.pki.identity(EvidenceTools.SIGNER)),
                    clock.instant(),
                    org.bouncycastle.asn1.x509.CRLReason.keyCompromise);
            ContainerVerifier.Result result = EvidenceTools.exportAndVerify(
                    env.config, db, env.pki, EvidenceTools.messageId(request), dir.resolve("revoked-later.asice"));
            String text = String.join("\n", result.lines());
            assertTrue(result.holds(), text);
            assertTrue(text.contains("OCSP good"), text);
            // The gateway itself now refuses the same signer.
            assertRefused(
                    Status.Code.UNAUTHENTICATED,
                    "CERT_REVOKED",
                    () -> env.client(EvidenceTools.PORTAL)
                            .call(EvidenceTools.addressRequest(env, EvidenceTools.SIGNER)));
        }
    }

    @Test
    void exportsABatchSealedAnswerWithItsProof(@TempDir Path dir) throws Exception {
        try (GatewayEnvironment env = new GatewayEnvironment(Set.of("gbd-fl"), c -> c);
                HikariDataSource db = EvidenceTools.database(env.config)) {
            SignedRequest request = EvidenceTools.addressRequest(env, EvidenceTools.SIGNER);
            env.client(EvidenceTools.PORTAL).call(request, AnswerForm.BATCH_SEAL);
            env.gateway.evidence().stampNow();
            ContainerVerifier.Result result = EvidenceTools.exportAndVerify(
                    env.config, db, env.pki, EvidenceTools.messageId(request), dir.resolve("sealed.asice"));
            String text = String.join("\n", result.lines());
            assertTrue(result.holds(), text);
            assertTrue(text.contains("batch seal"), text);
        }
    }

    private static void rewrite(Path in, Path out, String entry, java.util.function.UnaryOperator<String> change)
            throws Exception {
        try (ZipFile zip = new ZipFile(in.toFile());
                java.util.zip.ZipOutputStream o = new java.util.zip.ZipOutputStream(Files.newOutputStream(out))) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                byte[] data = zip.getInputStream(e).readAllBytes();
                if (e.getName().equals(entry)) {
                    data = change.apply(new String(data, java.nio.charset.StandardCharsets.UTF_8))
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                ZipEntry copy = new ZipEntry(e.getName());
                if (e.getMethod() == ZipEntry.STORED) {
                    copy.setMethod(ZipEntry.STORED);
                    copy.setSize(data.length);
                    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                    crc.update(data);
                    copy.setCrc(crc.getValue());
                }
                o.putNextEntry(copy);
                o.write(data);
                o.closeEntry();
            }
        }
    }
}
