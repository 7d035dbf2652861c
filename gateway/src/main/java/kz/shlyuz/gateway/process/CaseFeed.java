package kz.shlyuz.gateway.process;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** What a case tells people and systems: status messages (cabinet) and completion notices. */
final class CaseFeed {
    private CaseFeed() {}

    /**
     * Writes a status message for people. Its cursor is taken under the row lock of
     * {@code feed_counter}, so cursors are assigned in commit order and a reader resuming after
     * cursor N misses nothing.
     */
    static void status(Connection c, CaseRecord row, String status, Texts.Pair text, Instant at, Instant nextDue)
            throws SQLException {
        Sql.update(c, "UPDATE feed_counter SET feed_seq = feed_seq + 1 WHERE feed_name = 'status'");
        long seq;
        try (PreparedStatement s = c.prepareStatement("SELECT feed_seq FROM feed_counter WHERE feed_name = 'status'");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            seq = rs.getLong(1);
        }
        Sql.update(c, "INSERT INTO status_message (seq, case_id, sender, citizen_iin, related_iin, status, text_kk, text_ru, "
                + "happened_at, next_due_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", seq, row.caseId, row.sender, row.citizenIin,
                row.relatedIin, status, Sql.clip(text.kk()), Sql.clip(text.ru()), at, nextDue);
    }

    /** The completion notice for the submitting system, delivered until acknowledged. */
    static void notice(Connection c, CaseRecord row, String outcome, String reference, Texts.Pair text, Instant now)
            throws SQLException {
        Sql.update(c, "INSERT INTO completion_notice (notice_id, sender, case_id, message_id, service_id, outcome, "
                + "reference, text_kk, text_ru, finished_at, deliveries) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                "N-" + row.caseId, row.sender, row.caseId, row.messageId, row.serviceId, outcome, reference,
                Sql.clip(text.kk()), Sql.clip(text.ru()), now);
    }
}
