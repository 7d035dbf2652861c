package kz.shlyuz.gateway.journal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import kz.shlyuz.gateway.config.GatewayConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The statements run for every case use an index, not a scan of a table that grows with every
 * case ever run (the async-submit benchmark found finishing a case scanning the whole outbox).
 */
class SchemaIndexesTest {
    @TempDir
    Path dir;

    @Test
    void cancellingACaseOutboxRowsUsesTheCaseIndexNotATableScan() throws Exception {
        try (HikariDataSource ds = JournalDatabase.open(new GatewayConfig.JournalSettings(
                        "jdbc:h2:file:" + dir.resolve("journal") + ";DB_CLOSE_ON_EXIT=FALSE", "shlyuz", "", 2));
                Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            for (String sql : new String[] {
                "EXPLAIN UPDATE outbox SET state = 'CANCELLED' WHERE case_id = 'C1' AND state = 'PENDING'",
                "EXPLAIN UPDATE outbox SET state = 'CANCELLED' WHERE case_id = 'C1' AND step_name = 'S' "
                        + "AND state = 'PENDING'"
            }) {
                try (ResultSet rs = s.executeQuery(sql)) {
                    assertTrue(rs.next(), sql);
                    String plan = rs.getString(1);
                    assertTrue(plan.contains("OUTBOX_CASE"), "expected the outbox_case index in: " + plan);
                    assertTrue(!plan.contains("tableScan"), "expected no table scan in: " + plan);
                }
            }
        }
    }
}
