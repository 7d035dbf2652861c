package kz.shlyuz.gateway.cabinet;

import com.google.protobuf.Timestamp;
import com.google.protobuf.util.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import kz.shlyuz.gateway.journal.JournalException;
import kz.shlyuz.gateway.process.CaseReference;
import kz.shlyuz.gateway.process.StepState;
import kz.shlyuz.gateway.services.Services;
import kz.shlyuz.proto.v1.Case;
import kz.shlyuz.proto.v1.CaseStep;
import kz.shlyuz.proto.v1.StatusMessage;

/**
 * Reads cases and status messages for one audience (a citizen, or a front office). A citizen who
 * is a case's second party (employer, dwelling owner) reads it through {@link PartyView}: that it
 * exists, what it asks of them and its outcome, without the steps and the applicant's grounds.
 */
public final class CaseQueries {
    private final DataSource db;
    private final Clock clock;
    private final PartyView party;

    public CaseQueries(DataSource db, Clock clock) {
        this(db, clock, Services.standard());
    }

    /** @param services the service definitions, for what a second party reads of a case */
    public CaseQueries(DataSource db, Clock clock, Services services) {
        this.db = db;
        this.clock = clock;
        this.party = new PartyView(services, clock);
    }

    /**
     * Who is reading: a citizen through the portal (by IIN, as applicant or second party), or a
     * front office (the cases it submitted).
     */
    public record Audience(String citizenIin, String sender) {
        String where(String alias) {
            return citizenIin != null
                    ? "(" + alias + "citizen_iin = ? OR " + alias + "related_iin = ?)"
                    : alias + "sender = ?";
        }

        /**
         * As {@link #where} for status messages: a second party receives only the messages
         * {@link kz.shlyuz.gateway.process.PartyTexts#SHOWN} names (their text is then replaced by the party's own).
         */
        String messagesWhere() {
            return citizenIin != null
                    ? "(citizen_iin = ? OR (related_iin = ? AND status IN (" + PartyView.shownStatuses() + ")))"
                    : "sender = ?";
        }

        /** True when this citizen reads a case of {@code applicantIin} as its second party. */
        boolean secondPartyOf(String applicantIin) {
            return citizenIin != null && !citizenIin.equals(applicantIin);
        }

        int bind(PreparedStatement s, int index) throws SQLException {
            if (citizenIin != null) {
                s.setString(index, citizenIin);
                s.setString(index + 1, citizenIin);
                return index + 2;
            }
            s.setString(index, sender);
            return index + 1;
        }
    }

    /** Cases newest first, starting after {@code offset}. */
    public List<Case> cases(Audience audience, int offset, int limit) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT case_id, service_id, message_id, state, opened_at, "
                        + "due_at, sender, result_kk, result_ru, finished_at, citizen_iin FROM process_case WHERE "
                        + audience.where("") + " ORDER BY opened_at DESC, case_id DESC")) {
            audience.bind(s, 1);
            s.setMaxRows(offset + limit);
            List<Case> cases = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                int row = 0;
                while (rs.next()) {
                    if (row++ < offset) {
                        continue;
                    }
                    cases.add(caseOf(c, rs, audience));
                }
            }
            return cases;
        } catch (SQLException e) {
            throw new JournalException("cases", e);
        }
    }

    /** One case if the audience may see it. */
    public java.util.Optional<Case> find(Audience audience, String caseId) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT case_id, service_id, message_id, state, opened_at, "
                        + "due_at, sender, result_kk, result_ru, finished_at, citizen_iin FROM process_case WHERE case_id = ? AND "
                        + audience.where(""))) {
            s.setString(1, caseId);
            audience.bind(s, 2);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? java.util.Optional.of(caseOf(c, rs, audience)) : java.util.Optional.empty();
            }
        } catch (SQLException e) {
            throw new JournalException("case", e);
        }
    }

    private Case caseOf(Connection c, ResultSet rs, Audience audience) throws SQLException {
        if (audience.secondPartyOf(rs.getString(11))) {
            return party.caseOf(c, rs);
        }
        Instant now = clock.instant();
        String caseId = rs.getString(1);
        Instant due = rs.getTimestamp(6).toInstant();
        boolean finished = rs.getTimestamp(10) != null;
        Case.Builder b = Case.newBuilder()
                .setCaseId(caseId)
                .setServiceId(rs.getString(2))
                .setMessageId(rs.getString(3))
                .setState(rs.getString(4))
                .setOpenedAt(ts(rs.getTimestamp(5)))
                .setDueAt(ts(rs.getTimestamp(6)))
                .setSenderId(rs.getString(7))
                .setDisplayReference(CaseReference.of(caseId));
        if (rs.getString(8) != null) {
            b.setResultKk(rs.getString(8)).setResultRu(rs.getString(9));
        }
        boolean overdue = !finished && now.isAfter(due);
        try (PreparedStatement s = c.prepareStatement(
                "SELECT step_name, adapter, state, started_at, due_at, finished_at, "
                        + "result_code, reference FROM process_step WHERE case_id = ? ORDER BY started_at, step_name")) {
            s.setString(1, caseId);
            try (ResultSet st = s.executeQuery()) {
                while (st.next()) {
                    // Pending, or undelivered and waiting for an operator: the agency has not answered.
                    boolean pending = StepState.valueOf(st.getString(3)).awaitsAnswer();
                    boolean stepOverdue = pending
                            && !finished
                            && now.isAfter(st.getTimestamp(5).toInstant());
                    overdue |= stepOverdue;
                    CaseStep.Builder step = CaseStep.newBuilder()
                            .setName(st.getString(1))
                            .setAgency(st.getString(2))
                            .setState(st.getString(3))
                            .setStartedAt(ts(st.getTimestamp(4)))
                            .setDueAt(ts(st.getTimestamp(5)))
                            .setOverdue(stepOverdue);
                    if (st.getTimestamp(6) != null) {
                        step.setFinishedAt(ts(st.getTimestamp(6)));
                    }
                    String result = st.getString(7) != null ? st.getString(7) : st.getString(8);
                    if (result != null) {
                        step.setResult(result);
                    }
                    b.addSteps(step);
                }
            }
        }
        b.setOverdue(overdue);
        // 001 §11: the hearing's terms, for a case that reached a preliminary refusal.
        if (kz.shlyuz.gateway.services.Services.standard()
                .find(rs.getString(2))
                .map(d -> d.process() != null && d.process().hearing() != null)
                .orElse(false)) {
            kz.shlyuz.gateway.process.Hearings.describe(c, caseId, b);
        }
        try (PreparedStatement s =
                c.prepareStatement("SELECT seq, case_id, status, text_kk, text_ru, happened_at, next_due_at "
                        + "FROM status_message WHERE case_id = ? ORDER BY seq")) {
            s.setString(1, caseId);
            try (ResultSet m = s.executeQuery()) {
                while (m.next()) {
                    b.addHistory(message(m));
                }
            }
        }
        return b.build();
    }

    /** Status messages after {@code cursor}, oldest first. */
    public List<StatusMessage> messagesAfter(Audience audience, long cursor, int limit) {
        try (Connection c = db.getConnection();
                PreparedStatement s =
                        c.prepareStatement("SELECT seq, case_id, status, text_kk, text_ru, happened_at, next_due_at, "
                                + "citizen_iin FROM status_message WHERE seq > ? AND " + audience.messagesWhere()
                                + " ORDER BY seq")) {
            s.setLong(1, cursor);
            audience.bind(s, 2);
            s.setMaxRows(limit);
            List<StatusMessage> messages = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    StatusMessage m = message(rs);
                    messages.add(audience.secondPartyOf(rs.getString(8)) ? party.message(c, m) : m);
                }
            }
            return messages;
        } catch (SQLException e) {
            throw new JournalException("status messages", e);
        }
    }

    /** The cursor of the newest message anyone has: "only new messages" starts after it. */
    public long latestCursor() {
        try (Connection c = db.getConnection();
                PreparedStatement s =
                        c.prepareStatement("SELECT feed_seq FROM feed_counter WHERE feed_name = 'status'");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new JournalException("cursor", e);
        }
    }

    static StatusMessage message(ResultSet rs) throws SQLException {
        StatusMessage.Builder m = StatusMessage.newBuilder()
                .setCursor(Long.toString(rs.getLong(1)))
                .setCaseId(rs.getString(2))
                .setStatus(rs.getString(3))
                .setTextKk(rs.getString(4))
                .setTextRu(rs.getString(5))
                .setAt(ts(rs.getTimestamp(6)));
        if (rs.getTimestamp(7) != null) {
            m.setNextDueAt(ts(rs.getTimestamp(7)));
        }
        return m.build();
    }

    static Timestamp ts(java.sql.Timestamp t) {
        return Timestamps.fromMillis(t.getTime());
    }
}
