package kz.shlyuz.gateway.registers;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import kz.shlyuz.gateway.process.CaseEvent;
import kz.shlyuz.gateway.process.ProcessEngine;
import kz.shlyuz.gateway.process.StageChange;
import kz.shlyuz.gateway.services.Service;
import kz.shlyuz.proto.v1.ConsularPermanentStayRequest;
import kz.shlyuz.proto.v1.ExitPermanentResidenceRequest;
import kz.shlyuz.proto.v1.RequestContent;

/**
 * Writes the registers' rows as cases move, in the case's own transaction: an exit case is entered
 * in the book when it is accepted and its columns are completed as ҰҚК gives its opinion and
 * internal affairs decides (002 §19, annex 3); an approved consular case is entered in the journal
 * when the notification is issued (001 §13, annex 5: the journal is of those granted permission).
 * A case is entered once: its row is keyed by the case, and numbers are taken under the counter's
 * row lock in the order of the transaction's changes.
 */
final class RegisterWriter {
    /** The exit case's ҰҚК step and its internal-affairs decision, as the service's definition names them. */
    static final String KNB_STEP = "STATE_SECRETS_CHECK";

    static final String DECISION_STEP = "EXIT_PERMIT_ISSUE";
    static final String NOTIFICATION_STEP = "PERMANENT_STAY_NOTIFICATION";

    private static final String EXIT = Service.EXIT_PERMANENT_RESIDENCE.id();
    private static final String CONSULAR = Service.CONSULAR_PERMANENT_STAY.id();

    /** Writes the rows {@code changes} call for, on the transaction's connection. */
    void write(Connection c, List<StageChange> changes) throws SQLException {
        List<StageChange> newExits = new ArrayList<>();
        List<StageChange> newNotifications = new ArrayList<>();
        List<String> exitsMoved = new ArrayList<>();
        for (StageChange change : changes) {
            if (change.serviceId().equals(EXIT)) {
                if (change.event() == CaseEvent.ACCEPTED) {
                    newExits.add(change);
                } else if (!exitsMoved.contains(change.caseId())) {
                    exitsMoved.add(change.caseId());
                }
            } else if (change.serviceId().equals(CONSULAR) && change.event() == CaseEvent.APPROVED) {
                newNotifications.add(change);
            }
        }
        if (!newExits.isEmpty()) {
            enterExits(c, newExits);
        }
        for (String caseId : exitsMoved) {
            completeExit(c, caseId);
        }
        if (!newNotifications.isEmpty()) {
            enterNotifications(c, newNotifications);
        }
    }

    private static void enterExits(Connection c, List<StageChange> accepted) throws SQLException {
        List<StageChange> fresh = notEntered(c, "register_exit_case", accepted);
        if (fresh.isEmpty()) {
            return;
        }
        long no = take(c, Register.EXIT_CASES, fresh.size());
        try (PreparedStatement s = c.prepareStatement("INSERT INTO register_exit_case (book_no, case_id, "
                + "registered_at, full_name, birth_date, passport_id_no, country) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (StageChange change : fresh) {
                ExitPermanentResidenceRequest body = body(c, change.caseId(), ExitPermanentResidenceRequest.class);
                s.setLong(1, no++);
                s.setString(2, change.caseId());
                s.setTimestamp(3, Timestamp.from(change.at()));
                s.setString(4, body.hasName() ? RegisterCells.fullName(body.getName()) : null);
                s.setString(5, body.hasBirthDate() ? RegisterCells.iso(body.getBirthDate()) : null);
                // Annex 3 column 5 "паспорт/жеке куәлік №": both numbers the questionnaire declares.
                s.setString(6, documents(body));
                s.setString(7, RegisterCells.blankToNull(body.getDestinationCountry()));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /**
     * Completes an exit case's row from its steps and its state as this transaction leaves them:
     * ҰҚК's opinion (consent, objection, or none in its term: 002 §12) and internal affairs'
     * decision (the permit, or the refusal). Idempotent: it writes what the case says.
     */
    private static void completeExit(Connection c, String caseId) throws SQLException {
        String knbState = null, knbRef = null, knbStep = null, decisionRef = null;
        Instant knbAt = null, decisionAt = null;
        try (PreparedStatement s = c.prepareStatement("SELECT step_name, state, finished_at, reference "
                + "FROM process_step WHERE case_id = ? AND (step_name LIKE ? OR step_name LIKE ?) ORDER BY attempt")) {
            s.setString(1, caseId);
            s.setString(2, KNB_STEP + "%");
            s.setString(3, DECISION_STEP + "%");
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Timestamp finished = rs.getTimestamp(3);
                    if (finished == null) {
                        continue;
                    }
                    if (rs.getString(1).startsWith(KNB_STEP)) {
                        knbStep = rs.getString(1);
                        knbState = rs.getString(2);
                        knbAt = finished.toInstant();
                        knbRef = rs.getString(4);
                    } else {
                        decisionAt = finished.toInstant();
                        decisionRef = rs.getString(4);
                    }
                }
            }
        }
        String state, grounds;
        Instant finished;
        try (PreparedStatement s =
                c.prepareStatement("SELECT state, finished_at, result_code FROM process_case WHERE case_id = ?")) {
            s.setString(1, caseId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return;
                }
                state = rs.getString(1);
                Timestamp f = rs.getTimestamp(2);
                finished = f == null ? null : f.toInstant();
                grounds = rs.getString(3);
            }
        }
        boolean refused = "REFUSED".equals(state);
        try (PreparedStatement u = c.prepareStatement("UPDATE register_exit_case SET knb_opinion = ?, "
                + "knb_opinion_date = ?, knb_opinion_no = ?, decision_date = ?, decision_no = ?, outcome = ?, "
                + "grounds_code = ? WHERE case_id = ?")) {
            u.setString(1, knbState == null ? null : opinion(knbState));
            u.setTimestamp(2, knbAt == null || "SKIPPED".equals(knbState) ? null : Timestamp.from(knbAt));
            // ҰҚК's answer names a record only with grounds; otherwise the request id under which
            // its signed answer is kept in the evidence archive (./shlyuz evidence export).
            u.setString(
                    3,
                    knbStep == null || "SKIPPED".equals(knbState)
                            ? null
                            : knbRef != null ? knbRef : ProcessEngine.requestId(caseId, knbStep));
            Instant decided = refused ? finished : decisionAt;
            u.setTimestamp(4, decided == null ? null : Timestamp.from(decided));
            u.setString(5, refused ? null : decisionRef);
            u.setString(6, state);
            u.setString(7, refused ? grounds : null);
            u.setString(8, caseId);
            u.executeUpdate();
        }
    }

    /** ҰҚК's opinion as the book notes it. */
    private static String opinion(String stepState) {
        return switch (stepState) {
            case "CLEAR" -> "CONSENT";
            case "GROUNDS" -> "OBJECTION";
            case "SKIPPED" -> "NO_ANSWER";
            default -> stepState;
        };
    }

    private static void enterNotifications(Connection c, List<StageChange> approved) throws SQLException {
        List<StageChange> fresh = notEntered(c, "register_consular_journal", approved);
        if (fresh.isEmpty()) {
            return;
        }
        long no = take(c, Register.CONSULAR_JOURNAL, fresh.size());
        try (PreparedStatement s = c.prepareStatement("INSERT INTO register_consular_journal (journal_no, case_id, "
                        + "consulate, application_date, full_name, birth_date, passport_no, notification_date, "
                        + "notification_no, contacts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement opened = c.prepareStatement("SELECT opened_at FROM process_case WHERE case_id = ?");
                PreparedStatement notice = c.prepareStatement("SELECT finished_at, reference FROM process_step "
                        + "WHERE case_id = ? AND step_name LIKE ? AND state = 'DONE' ORDER BY attempt DESC")) {
            for (StageChange change : fresh) {
                ConsularPermanentStayRequest body = body(c, change.caseId(), ConsularPermanentStayRequest.class);
                Instant notifiedAt = change.at();
                String notificationNo = null;
                notice.setString(1, change.caseId());
                notice.setString(2, NOTIFICATION_STEP + "%");
                try (ResultSet rs = notice.executeQuery()) {
                    if (rs.next()) {
                        notifiedAt = rs.getTimestamp(1).toInstant();
                        notificationNo = rs.getString(2);
                    }
                }
                opened.setString(1, change.caseId());
                Instant applied;
                try (ResultSet rs = opened.executeQuery()) {
                    rs.next();
                    applied = rs.getTimestamp(1).toInstant();
                }
                s.setLong(1, no++);
                s.setString(2, change.caseId());
                s.setString(3, RegisterCells.blankToNull(body.getConsulate()));
                s.setTimestamp(4, Timestamp.from(applied));
                s.setString(5, body.hasName() ? RegisterCells.fullName(body.getName()) : null);
                s.setString(6, body.hasBirthDate() ? RegisterCells.iso(body.getBirthDate()) : null);
                s.setString(7, RegisterCells.blankToNull(body.getPassportNumber()));
                s.setTimestamp(8, Timestamp.from(notifiedAt));
                s.setString(9, notificationNo);
                s.setString(10, body.hasContacts() ? RegisterCells.contacts(body.getContacts()) : null);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** The changes whose case has no row in {@code table} yet (a case is entered once). */
    private static List<StageChange> notEntered(Connection c, String table, List<StageChange> changes)
            throws SQLException {
        List<StageChange> fresh = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM " + table + " WHERE case_id = ?")) {
            for (StageChange change : changes) {
                s.setString(1, change.caseId());
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next() && fresh.stream().noneMatch(f -> f.caseId().equals(change.caseId()))) {
                        fresh.add(change);
                    }
                }
            }
        }
        return fresh;
    }

    /** Takes {@code n} running numbers of {@code register} under its counter's row lock; the first. */
    static long take(Connection c, Register register, int n) throws SQLException {
        return take(c, register.id(), n);
    }

    static long take(Connection c, String counter, int n) throws SQLException {
        try (PreparedStatement u =
                c.prepareStatement("UPDATE register_counter SET last_no = last_no + ? WHERE register_name = ?")) {
            u.setInt(1, n);
            u.setString(2, counter);
            if (u.executeUpdate() != 1) {
                throw new SQLException("register_counter has no row " + counter);
            }
        }
        try (PreparedStatement s = c.prepareStatement("SELECT last_no FROM register_counter WHERE register_name = ?")) {
            s.setString(1, counter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1) - n + 1;
            }
        }
    }

    /** The case's request body, as the Submit stored it. */
    private static <T extends Message> T body(Connection c, String caseId, Class<T> type) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT request_content FROM process_case WHERE case_id = ?")) {
            s.setString(1, caseId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("case " + caseId + " not found for its register row");
                }
                return RequestContent.parseFrom(rs.getBytes(1)).getBody().unpack(type);
            }
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("case " + caseId + ": stored request unreadable", e);
        }
    }

    /** The passport's and the ID card's numbers as the book's one column; null when neither is given. */
    private static String documents(ExitPermanentResidenceRequest body) {
        List<String> numbers = new ArrayList<>();
        if (body.hasPassport() && !body.getPassport().getNumber().isBlank()) {
            numbers.add(body.getPassport().getNumber());
        }
        if (body.hasIdCard() && !body.getIdCard().getNumber().isBlank()) {
            numbers.add(body.getIdCard().getNumber());
        }
        return numbers.isEmpty() ? null : String.join(" / ", numbers);
    }
}
