package kz.shlyuz.gateway.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import kz.shlyuz.gateway.journal.JournalException;

/**
 * The destruction acts' rows (002 §21): their running numbers, the register rows they mark, the
 * deletion of what a case holds, and the acts written and read back. Every method but {@link
 * #read} runs inside the caller's retention transaction.
 */
final class DestructionActs {
    /** The register_counter row that numbers the acts; its lock serialises retention runs across nodes. */
    static final String COUNTER = "retention-acts";

    private DestructionActs() {}

    /** The act's number: {@code ACT-<year>-<running number, 6 digits>}, under the counter lock already held. */
    static String nextNumber(Connection c, Instant now) throws SQLException {
        long n;
        try (PreparedStatement u = c.prepareStatement(
                "UPDATE register_counter SET last_no = last_no + 1 WHERE register_name = '" + COUNTER + "'")) {
            u.executeUpdate();
        }
        try (PreparedStatement s =
                c.prepareStatement("SELECT last_no FROM register_counter WHERE register_name = '" + COUNTER + "'")) {
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                n = rs.getLong(1);
            }
        }
        return String.format("ACT-%d-%06d", now.atZone(RetentionRules.ASTANA).getYear(), n);
    }

    /** The case's register rows name the act; the reference to them, or null when it has none. */
    static String markRegisters(Connection c, String caseId, String actNo) throws SQLException {
        String ref = null;
        for (String[] register : new String[][] {
            {"register_exit_case", "book_no", "exit-cases"},
            {"register_consular_journal", "journal_no", "consular-journal"}
        }) {
            try (PreparedStatement s =
                    c.prepareStatement("SELECT " + register[1] + " FROM " + register[0] + " WHERE case_id = ?")) {
                s.setString(1, caseId);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        ref = register[2] + " #" + rs.getLong(1);
                    }
                }
            }
            try (PreparedStatement u =
                    c.prepareStatement("UPDATE " + register[0] + " SET destroyed_act = ? WHERE case_id = ?")) {
                u.setString(1, actNo);
                u.setString(2, caseId);
                u.executeUpdate();
            }
        }
        return ref;
    }

    /** Deletes everything the case holds; the number of rows. */
    static long destroy(Connection c, CaseFile.Case k) throws SQLException {
        long rows = 0;
        for (String table :
                List.of("process_step", "outbox", "status_message", "completion_notice", "monitoring_report")) {
            try (PreparedStatement d = c.prepareStatement("DELETE FROM " + table + " WHERE case_id = ?")) {
                d.setString(1, k.caseId());
                rows += d.executeUpdate();
            }
        }
        try (PreparedStatement d =
                c.prepareStatement("DELETE FROM message_claim WHERE sender = ? AND message_id = ?")) {
            d.setString(1, k.sender());
            d.setString(2, k.messageId());
            rows += d.executeUpdate();
        }
        try (PreparedStatement d = c.prepareStatement("DELETE FROM process_case WHERE case_id = ?")) {
            d.setString(1, k.caseId());
            rows += d.executeUpdate();
        }
        return rows;
    }

    /** Writes the act and its items. */
    static void record(Connection c, DestructionAct act) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO retention_act (act_no, executed_at, actor, files, "
                + "cases, rows_deleted) VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setString(1, act.actNo());
            s.setTimestamp(2, Timestamp.from(act.executedAt()));
            s.setString(3, act.actor());
            s.setInt(4, act.files());
            s.setInt(5, act.items().size());
            s.setLong(6, act.rowsDeleted());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO retention_act_item (act_no, case_id, service_id, "
                + "file_key, opened_at, finished_at, outcome, retain_until, rule, register_ref) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (DestructionAct.Item item : act.items()) {
                s.setString(1, act.actNo());
                s.setString(2, item.caseId());
                s.setString(3, item.serviceId());
                s.setString(4, item.fileKey());
                s.setTimestamp(5, Timestamp.from(item.openedAt()));
                s.setTimestamp(6, Timestamp.from(item.finishedAt()));
                s.setString(7, item.outcome());
                s.setTimestamp(8, Timestamp.from(item.keptUntil()));
                s.setString(9, item.rule().length() > 256 ? item.rule().substring(0, 256) : item.rule());
                s.setString(10, item.registerRef());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** The acts written so far, newest first, with their items. */
    static List<DestructionAct> read(DataSource db) {
        List<DestructionAct> acts = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT act_no, executed_at, actor, files, rows_deleted FROM retention_act ORDER BY act_no DESC");
                PreparedStatement items = c.prepareStatement("SELECT case_id, service_id, file_key, opened_at, "
                        + "finished_at, outcome, retain_until, rule, register_ref FROM retention_act_item "
                        + "WHERE act_no = ? ORDER BY case_id")) {
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    List<DestructionAct.Item> list = new ArrayList<>();
                    items.setString(1, rs.getString(1));
                    try (ResultSet i = items.executeQuery()) {
                        while (i.next()) {
                            list.add(new DestructionAct.Item(
                                    i.getString(1),
                                    i.getString(2),
                                    i.getString(3),
                                    i.getTimestamp(4).toInstant(),
                                    i.getTimestamp(5).toInstant(),
                                    i.getString(6),
                                    i.getTimestamp(7).toInstant(),
                                    i.getString(8),
                                    i.getString(9)));
                        }
                    }
                    acts.add(new DestructionAct(
                            rs.getString(1),
                            rs.getTimestamp(2).toInstant(),
                            rs.getString(3),
                            rs.getInt(4),
                            rs.getLong(5),
                            list));
                }
            }
        } catch (SQLException e) {
            throw new JournalException("retention acts", e);
        }
        return acts;
    }
}
