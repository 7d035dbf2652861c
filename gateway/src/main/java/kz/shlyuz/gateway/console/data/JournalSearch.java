package kz.shlyuz.gateway.console.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import kz.shlyuz.gateway.journal.JournalException;

/**
 * Searches {@code journal_entry}, newest first. A correlation id is a case id (ШЭП correlationId of
 * a case's later messages): it finds the message that opened the case. An IIN finds the messages
 * that opened cases of that applicant or related person.
 */
public final class JournalSearch {
    private static final String COLUMNS = "id, received_at, finished_at, sender, message_id, service_id, signers, "
            + "outcome, reason, grpc_code, detail, agency, verify_micros, agency_micros, total_micros";

    private final DataSource db;

    public JournalSearch(DataSource db) {
        this.db = db;
    }

    /** One page of matches, and whether there are more. */
    public record Page(List<JournalRow> rows, boolean more) {}

    public Page search(JournalQuery q) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM journal_entry WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        eq(sql, args, "message_id", q.messageId());
        eq(sql, args, "sender", q.sender());
        eq(sql, args, "service_id", q.service());
        eq(sql, args, "outcome", q.outcome());
        eq(sql, args, "reason", q.reason());
        if (q.correlationId() != null) {
            sql.append(" AND (sender, message_id) IN (SELECT sender, message_id FROM process_case WHERE case_id = ?)");
            args.add(q.correlationId());
        }
        if (q.iin() != null) {
            sql.append(" AND (sender, message_id) IN (SELECT sender, message_id FROM process_case WHERE "
                    + "citizen_iin = ? OR related_iin = ?)");
            args.add(q.iin());
            args.add(q.iin());
        }
        if (q.from() != null) {
            sql.append(" AND received_at >= ?");
            args.add(Timestamp.from(q.from()));
        }
        if (q.to() != null) {
            sql.append(" AND received_at < ?");
            args.add(Timestamp.from(q.to()));
        }
        sql.append(" ORDER BY id DESC OFFSET ? ROWS FETCH FIRST ? ROWS ONLY");
        args.add((long) q.page() * q.size());
        args.add(q.size() + 1);
        List<JournalRow> rows = query(sql.toString(), args);
        boolean more = rows.size() > q.size();
        return new Page(more ? rows.subList(0, q.size()) : rows, more);
    }

    /** Every journal entry of one message id (of any sender unless {@code sender} is given), oldest first. */
    public List<JournalRow> message(String messageId, String sender) {
        List<Object> args = new ArrayList<>();
        args.add(messageId);
        String sql = "SELECT " + COLUMNS + " FROM journal_entry WHERE message_id = ?";
        if (sender != null) {
            sql += " AND sender = ?";
            args.add(sender);
        }
        return query(sql + " ORDER BY id", args);
    }

    private static void eq(StringBuilder sql, List<Object> args, String column, String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            args.add(value);
        }
    }

    private List<JournalRow> query(String sql, List<Object> args) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                s.setObject(i + 1, args.get(i));
            }
            List<JournalRow> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new JournalRow(
                            rs.getLong(1),
                            rs.getTimestamp(2).toInstant(),
                            rs.getTimestamp(3).toInstant(),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getString(9),
                            rs.getString(10),
                            rs.getString(11),
                            rs.getString(12),
                            rs.getLong(13),
                            rs.getLong(14),
                            rs.getLong(15)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new JournalException("console journal search", e);
        }
    }
}
