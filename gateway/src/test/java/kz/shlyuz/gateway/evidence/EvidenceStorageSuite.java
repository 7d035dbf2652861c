package kz.shlyuz.gateway.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import kz.shlyuz.certs.tsa.TimeStampAuthority;
import kz.shlyuz.gateway.TestPki;
import kz.shlyuz.gateway.clock.AdjustableClock;
import kz.shlyuz.gateway.config.EvidenceSettings;
import kz.shlyuz.gateway.config.GatewayConfig;
import kz.shlyuz.gateway.journal.JournalDatabase;
import kz.shlyuz.gateway.signature.SignatureVerifier;
import kz.shlyuz.gateway.signature.TrustMaterial;
import kz.shlyuz.gateway.signature.VerificationPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evidence chain on each database the gateway runs on: write, stamp, two nodes, tamper, archive, verify. */
abstract class EvidenceStorageSuite {
    abstract GatewayConfig.JournalSettings database(Path dir) throws Exception;

    private static EvidenceItem item(int i, Instant at) {
        return new EvidenceItem(
                EvidenceItem.Kind.CALL,
                "egov-portal",
                "m-" + i,
                "ADDRESS_CERTIFICATE",
                null,
                "ANSWERED",
                null,
                EvidenceItem.Decision.POSITIVE,
                at,
                at,
                1,
                1,
                2,
                EvidenceItem.body(("request " + i).getBytes(StandardCharsets.UTF_8)),
                EvidenceItem.body(("cms " + i).getBytes(StandardCharsets.UTF_8)),
                EvidenceItem.body(("answer " + i).getBytes(StandardCharsets.UTF_8)),
                List.of());
    }

    @Test
    void keepsOneVerifiableChainPerNodeAndArchivesPastRetention(@TempDir Path dir) throws Exception {
        GatewayConfig.JournalSettings settings = database(dir);
        AdjustableClock clock = new AdjustableClock(Instant.parse("2026-11-20T04:00:00Z"));
        TimeStampAuthority tsa = new TimeStampAuthority(TestPki.get().newTimeStampingKey("RSA"), Clock.systemUTC());
        SignatureVerifier offline = new SignatureVerifier(
                new TrustMaterial(
                        TestPki.get().signingTrustAnchors(),
                        TestPki.get().signingIntermediates(),
                        TestPki.get().crls()),
                Clock.systemUTC(),
                new VerificationPolicy(null, VerificationPolicy.RevocationMode.SOFT_FAIL, null));
        EvidenceSettings a = EvidenceSettings.defaults(dir).withNodeId("node-a");
        EvidenceSettings b = EvidenceSettings.defaults(dir).withNodeId("node-b");
        try (HikariDataSource db = JournalDatabase.open(settings)) {
            try (EvidenceLog first =
                            EvidenceLog.open(a, db, settings.jdbcUrl(), tsa, clock, Duration.ofSeconds(10), "x");
                    EvidenceLog second =
                            EvidenceLog.open(b, db, settings.jdbcUrl(), tsa, clock, Duration.ofSeconds(10), "y")) {
                for (int i = 0; i < 6; i++) {
                    (i % 2 == 0 ? first : second)
                            .record(item(i, clock.instant()))
                            .await();
                }
                assertTrue(first.stampNow());
                assertTrue(second.stampNow());
            }
            ChainVerifier verifier = new ChainVerifier(db, a.archiveDir(), BodyCipher.off(), offline::verifyTimeStamp);
            ChainVerifier.Report report = verifier.verify(null, null);
            assertTrue(report.holds(), report.findings().toString());
            assertEquals(6, report.records());

            clock.advance(Duration.ofDays(6 * 366));
            assertEquals(
                    3,
                    new EvidenceArchiver(db, a, "node-a", clock)
                            .archive()
                            .orElseThrow()
                            .lastSeq());
            assertTrue(
                    verifier.verify(null, null).holds(),
                    verifier.verify(null, null).findings().toString());

            try (Connection c = db.getConnection();
                    PreparedStatement d =
                            c.prepareStatement("DELETE FROM evidence_record WHERE node_id = 'node-b' AND seq = 2")) {
                assertEquals(1, d.executeUpdate());
            }
            ChainVerifier.Report broken = verifier.verify(null, null);
            assertEquals(ChainVerifier.Problem.REMOVED, broken.first().problem());
            assertEquals("node-b", broken.first().nodeId());
            assertEquals(2, broken.first().seq());
        }
    }
}
