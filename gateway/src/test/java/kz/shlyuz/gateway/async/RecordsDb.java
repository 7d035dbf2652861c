package kz.shlyuz.gateway.async;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import kz.shlyuz.gateway.config.GatewayConfig;

/** Reads what the gateway's database holds of a case, for the tests of issue 11.8 and 11.9. */
final class RecordsDb {
    private final GatewayConfig.JournalSettings journal;

    RecordsDb(GatewayConfig config) {
        this.journal = config.journal();
    }

    /** The statuses of the case's status messages, in cursor order. */
    List<String> statuses(String caseId) {
        return strings("SELECT status FROM status_message WHERE case_id = ? ORDER BY seq", caseId);
    }

    /** The cursors of the case's status messages, in order. */
    List<String> cursors(String caseId) {
        return strings("SELECT CAST(seq AS VARCHAR(20)) FROM status_message WHERE case_id = ? ORDER BY seq", caseId);
    }

    /** The case's state, or null when the case is not in the database. */
    String state(String caseId) {
        List<String> s = strings("SELECT state FROM process_case WHERE case_id = ?", caseId);
        return s.isEmpty() ? null : s.get(0);
    }

    /** The states of the case's stage-report rows (PENDING, SENT), by cursor. */
    List<String> reportStates(String caseId) {
        return strings("SELECT state FROM monitoring_report WHERE case_id = ? ORDER BY feed_seq", caseId);
    }

    /** The delivery attempts of the case's stage reports (failed and successful), in all. */
    long reportAttempts(String caseId) {
        return number("SELECT COALESCE(SUM(attempts), 0) FROM monitoring_report WHERE case_id = ?", caseId);
    }

    /** How many rows of {@code table} belong to the case. */
    long rows(String table, String caseId) {
        return number("SELECT COUNT(*) FROM " + table + " WHERE case_id = ?", caseId);
    }

    /** Runs an update (a test's way to simulate a receipt that never arrived). */
    int update(String sql, String... params) {
        try (Connection c = connect();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setString(i + 1, params[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    List<String> strings(String sql, String... params) {
        List<String> out = new ArrayList<>();
        try (Connection c = connect();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setString(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
        return out;
    }

    private long number(String sql, String caseId) {
        try (Connection c = connect();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, caseId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(journal.jdbcUrl(), journal.user(), journal.password());
    }
}
