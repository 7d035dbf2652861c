package kz.shlyuz.gateway.process;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a case tells people and systems: status messages (cabinet) and completion notices. One per
 * transaction ({@link Tx#feed}).
 */
final class CaseFeed {
    private static final String INSERT_STATUS = "INSERT INTO status_message (seq, case_id, sender, citizen_iin, "
            + "related_iin, status, text_kk, text_ru, happened_at, next_due_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private record Status(
            String caseId,
            String sender,
            String citizenIin,
            String relatedIin,
            CaseEvent status,
            Texts.Pair text,
            Instant at,
            Instant nextDue,
            String serviceId,
            int stage,
            CaseState state) {}

    private static final String TAKE_AND_NOTIFY =
            "UPDATE feed_counter SET feed_seq = feed_seq + ? WHERE feed_name = 'status' "
                    + "RETURNING feed_seq, pg_notify('" + FeedSignal.CHANNEL + "', feed_seq::text)";

    private final List<Status> pending = new ArrayList<>();
    /** The newest cursor written since {@link #takeWritten}; 0 for none. */
    private long written;

    /** A status message for people, written when the transaction is about to commit. */
    void status(CaseRecord row, CaseEvent status, Texts.Pair text, Instant at, Instant nextDue) {
        pending.add(new Status(
                row.caseId,
                row.sender,
                row.citizenIin,
                row.relatedIin,
                status,
                text,
                at,
                nextDue,
                row.serviceId,
                row.stage,
                stateAfter(row, status)));
    }

    /**
     * Writes the collected messages. Their cursors are taken under the row lock of
     * {@code feed_counter}, held until the commit, so cursors are assigned in commit order and a
     * reader resuming after cursor N misses nothing. The lock is taken last in the transaction and
     * once for all its messages (a group of cases takes it once), so transactions wait on each
     * other only for the few statements left before their commit.
     */
    void flush(Tx tx) throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        int n = pending.size();
        long last = tx.notify ? takeAndNotify(tx, n) : take(tx, n);
        PreparedStatement insert = tx.prepare(INSERT_STATUS);
        long seq = last - n + 1;
        for (Status m : pending) {
            Sql.bind(
                    insert,
                    seq++,
                    m.caseId(),
                    m.sender(),
                    m.citizenIin(),
                    m.relatedIin(),
                    m.status().name(),
                    Sql.clip(m.text().kk()),
                    Sql.clip(m.text().ru()),
                    m.at(),
                    m.nextDue());
            insert.addBatch();
        }
        insert.executeBatch();
        List<StageChange> changes = new ArrayList<>(n);
        long changeSeq = last - n + 1;
        for (Status m : pending) {
            changes.add(new StageChange(
                    changeSeq++,
                    m.caseId(),
                    m.sender(),
                    m.serviceId(),
                    m.status(),
                    m.stage(),
                    m.state(),
                    m.at(),
                    m.nextDue()));
        }
        tx.signal.written(tx.c, changes);
        pending.clear();
        written = last;
    }

    /** Takes {@code n} cursors; the newest of them. */
    private static long take(Tx tx, int n) throws SQLException {
        tx.update("UPDATE feed_counter SET feed_seq = feed_seq + ? WHERE feed_name = 'status'", n);
        try (ResultSet rs = tx.prepare("SELECT feed_seq FROM feed_counter WHERE feed_name = 'status'")
                .executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * PostgreSQL: takes {@code n} cursors and queues the notification of the newest in one round
     * trip, since every other node's status-writing transaction waits on this row until the commit.
     * The notification is delivered to every listening node when (and only if) this commits.
     */
    private static long takeAndNotify(Tx tx, int n) throws SQLException {
        PreparedStatement next = tx.prepare(TAKE_AND_NOTIFY);
        next.setInt(1, n);
        try (ResultSet rs = next.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Where the case stands once {@code event} happened: the final events and the preliminary
     * refusal set the state in the same transaction, after the row was read.
     */
    private static CaseState stateAfter(CaseRecord row, CaseEvent event) {
        return switch (event) {
            case APPROVED -> CaseState.APPROVED;
            case REFUSED -> CaseState.REFUSED;
            case PRELIMINARY_REFUSAL -> CaseState.PRELIMINARY_REFUSAL;
            case OBJECTION_RECEIVED -> CaseState.OBJECTION_REVIEW;
            case STAGE_DONE -> row.state == CaseState.OBJECTION_REVIEW ? CaseState.IN_PROGRESS : row.state;
            default -> row.state;
        };
    }

    /** The newest cursor written since the last call (0: none), for the signal after the commit. */
    long takeWritten() {
        long w = written;
        written = 0;
        return w;
    }

    /** Forgets the collected messages (their transaction was rolled back). */
    void discard() {
        pending.clear();
        written = 0;
    }

    /** The completion notice for the submitting system, delivered until acknowledged. */
    static void notice(Tx tx, CaseRecord row, CaseState outcome, String reference, Texts.Pair text, Instant now)
            throws SQLException {
        tx.update(
                "INSERT INTO completion_notice (notice_id, sender, case_id, message_id, service_id, outcome, "
                        + "reference, text_kk, text_ru, finished_at, deliveries) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                "N-" + row.caseId,
                row.sender,
                row.caseId,
                row.messageId,
                row.serviceId,
                outcome.name(),
                reference,
                Sql.clip(text.kk()),
                Sql.clip(text.ru()),
                now);
    }
}
