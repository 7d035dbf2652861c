package kz.shlyuz.gateway.cabinet;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import kz.shlyuz.gateway.process.CaseEvent;
import kz.shlyuz.gateway.process.CaseReference;
import kz.shlyuz.gateway.process.PartyTexts;
import kz.shlyuz.gateway.process.StepState;
import kz.shlyuz.gateway.services.ProcessDefinition;
import kz.shlyuz.gateway.services.Services;
import kz.shlyuz.gateway.services.Wording;
import kz.shlyuz.proto.v1.Case;
import kz.shlyuz.proto.v1.CaseStep;
import kz.shlyuz.proto.v1.StatusMessage;

/**
 * A case and its messages as the case's second party (employer, dwelling owner) reads them
 * (issue 11.3), for {@link CaseQueries}: the rows the applicant's view reads, told in
 * {@link PartyTexts}' words.
 */
final class PartyView {
    private final Services services;
    private final Clock clock;

    PartyView(Services services, Clock clock) {
        this.services = services;
        this.clock = clock;
    }

    /**
     * The case as its second party reads it: that it exists, its term and state, the messages
     * {@link PartyTexts} makes for them, the outcome without grounds and the effects applied (their
     * references); no checks, no agencies' findings, no applicant's texts.
     */
    Case caseOf(Connection c, ResultSet rs) throws SQLException {
        String caseId = rs.getString(1);
        ProcessDefinition d = services.process(rs.getString(2));
        Instant due = rs.getTimestamp(6).toInstant();
        boolean finished = rs.getTimestamp(10) != null;
        // A preliminary refusal or its review would tell the party that grounds were found: to
        // them the case is simply in progress until it ends.
        String state = finished ? rs.getString(4) : "IN_PROGRESS";
        Case.Builder b = Case.newBuilder()
                .setCaseId(caseId)
                .setServiceId(rs.getString(2))
                .setMessageId(rs.getString(3))
                .setState(state)
                .setOpenedAt(CaseQueries.ts(rs.getTimestamp(5)))
                .setDueAt(CaseQueries.ts(rs.getTimestamp(6)))
                .setSenderId(rs.getString(7))
                .setDisplayReference(CaseReference.of(caseId))
                .setSecondParty(true)
                .setOverdue(!finished && clock.instant().isAfter(due));
        // The effects applied are the outcome as far as it concerns the party (the permit extended,
        // the person deregistered from their dwelling): their references, never a check's result.
        StringBuilder effectsKk = new StringBuilder();
        StringBuilder effectsRu = new StringBuilder();
        try (PreparedStatement s = c.prepareStatement("SELECT step_name, adapter, started_at, due_at, finished_at, "
                + "reference, result_kk, result_ru FROM process_step WHERE case_id = ? AND state = '"
                + StepState.DONE.name()
                + "' ORDER BY started_at, step_name")) {
            s.setString(1, caseId);
            try (ResultSet st = s.executeQuery()) {
                while (st.next()) {
                    CaseStep.Builder step = CaseStep.newBuilder()
                            .setName(st.getString(1))
                            .setAgency(st.getString(2))
                            .setState(StepState.DONE.name())
                            .setStartedAt(CaseQueries.ts(st.getTimestamp(3)))
                            .setDueAt(CaseQueries.ts(st.getTimestamp(4)));
                    if (st.getTimestamp(5) != null) {
                        step.setFinishedAt(CaseQueries.ts(st.getTimestamp(5)));
                    }
                    if (st.getString(6) != null) {
                        step.setResult(st.getString(6));
                    }
                    // An effect's receipt says what was done to or for the party (004 annex 4: deregistered
                    // on the owner's application under the court decision), never a check's finding.
                    append(effectsKk, st.getString(7));
                    append(effectsRu, st.getString(8));
                    b.addSteps(step);
                }
            }
        }
        if (finished) {
            Wording outcome = PartyTexts.outcome(CaseEvent.valueOf(state), d);
            b.setResultKk(joined(outcome.kk(), effectsKk)).setResultRu(joined(outcome.ru(), effectsRu));
        }
        try (PreparedStatement s =
                c.prepareStatement("SELECT seq, case_id, status, text_kk, text_ru, happened_at, next_due_at "
                        + "FROM status_message WHERE case_id = ? AND status IN (" + shownStatuses()
                        + ") ORDER BY seq")) {
            s.setString(1, caseId);
            try (ResultSet m = s.executeQuery()) {
                while (m.next()) {
                    b.addHistory(asParty(CaseQueries.message(m), d, due));
                }
            }
        }
        return b.build();
    }

    /** The second party's version of an applicant's status message. */
    private static StatusMessage asParty(StatusMessage m, ProcessDefinition d, Instant caseDue) {
        Wording text = PartyTexts.of(CaseEvent.valueOf(m.getStatus()), d, m.getCaseId(), caseDue)
                .orElseThrow(() -> new IllegalStateException("status " + m.getStatus() + " is not shown to a party"));
        return m.toBuilder()
                .setTextKk(text.kk())
                .setTextRu(text.ru())
                .clearNextDueAt()
                .build();
    }

    static String shownStatuses() {
        return PartyTexts.SHOWN.stream()
                .map(e -> "'" + e.name() + "'")
                .sorted()
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** The second party's version of {@code m}, with the case's service and result date read. */
    StatusMessage message(Connection c, StatusMessage m) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("SELECT service_id, due_at FROM process_case WHERE case_id = ?")) {
            s.setString(1, m.getCaseId());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("status message of case " + m.getCaseId() + " without its case");
                }
                return asParty(
                        m, services.process(rs.getString(1)), rs.getTimestamp(2).toInstant());
            }
        }
    }

    private static void append(StringBuilder texts, String text) {
        if (text != null && !text.isBlank()) {
            texts.append(texts.length() == 0 ? "" : " ").append(text);
        }
    }

    private static String joined(String outcome, StringBuilder effects) {
        return effects.length() == 0 ? outcome : outcome + " " + effects;
    }
}
