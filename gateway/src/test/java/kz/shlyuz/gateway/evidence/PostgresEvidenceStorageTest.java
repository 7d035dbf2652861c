package kz.shlyuz.gateway.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import kz.shlyuz.certs.tsa.TimeStampAuthority;
import kz.shlyuz.gateway.TestPki;
import kz.shlyuz.gateway.clock.AdjustableClock;
import kz.shlyuz.gateway.config.EvidenceSettings;
import kz.shlyuz.gateway.config.GatewayConfig;
import kz.shlyuz.gateway.journal.JournalDatabase;
import kz.shlyuz.gateway.storage.StorageBackends;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evidence suite on a real PostgreSQL server ({@code SHLYUZ_TEST_PG_URL}); skipped without
 * one on a developer's machine, failing without one when {@code CI=true}.
 */
class PostgresEvidenceStorageTest extends EvidenceStorageSuite {
    @Override
    GatewayConfig.JournalSettings database(Path dir) throws Exception {
        return StorageBackends.postgres();
    }

    /** Bytes that do not compress, as a CMS signature with its certificates. */
    private static byte[] incompressible(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static EvidenceItem submit(String id, Instant at, int cmsBytes, int answerBytes) {
        return new EvidenceItem(
                EvidenceItem.Kind.SUBMIT,
                "hkko",
                id,
                "TEMPORARY_ID",
                "case-" + id,
                "ACCEPTED",
                null,
                null,
                at,
                at,
                1,
                0,
                1,
                EvidenceItem.body(incompressible(150, 1)),
                EvidenceItem.body(incompressible(cmsBytes, 2)),
                EvidenceItem.body(incompressible(answerBytes, 3)),
                List.of());
    }

    private static long toastBytes(HikariDataSource db) throws SQLException {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT pg_relation_size(reltoastrelid) FROM pg_class WHERE oid = 'evidence_record'::regclass")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aSubmitsRecordStaysInItsRowAndOnlyARecordLargerThanAPageGoesToToast(@TempDir Path dir) throws Exception {
        GatewayConfig.JournalSettings settings = database(dir);
        AdjustableClock clock = new AdjustableClock(Instant.parse("2026-11-20T04:00:00Z"));
        TimeStampAuthority tsa = new TimeStampAuthority(TestPki.get().newTimeStampingKey("RSA"), Clock.systemUTC());
        try (HikariDataSource db = JournalDatabase.open(settings);
                EvidenceLog log = EvidenceLog.open(
                        EvidenceSettings.defaults(dir).withNodeId("node-a"),
                        db,
                        settings.jdbcUrl(),
                        tsa,
                        clock,
                        Duration.ofSeconds(10),
                        "x")) {
            // A Submit's request CMS: about 2.5 KB, over PostgreSQL's default 2 KB row target.
            for (int i = 0; i < 20; i++) {
                log.record(submit("m-" + i, clock.instant(), 2_600, 100)).await();
            }
            assertEquals(0, toastBytes(db), "records of a few kilobytes were moved out of their rows");

            log.record(submit("big", clock.instant(), 2_600, 12_000)).await();
            assertTrue(toastBytes(db) > 0, "a record larger than a page must still go to TOAST");
        }
    }
}
