package kz.shlyuz.gateway.process;

import com.google.protobuf.Message;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import kz.shlyuz.gateway.services.ApprovalRule;
import kz.shlyuz.gateway.services.ProcessDefinition;

/**
 * What an approved case says it produced: composed by the service's {@link ApprovalRule} from
 * every step of the case (000: the exit permit, not only the last stage's departure sheet), or,
 * for a service without one, the last stage's results in the general text.
 */
final class Approvals {
    private Approvals() {}

    /**
     * The approval as the case records and tells it.
     *
     * @param kk / ru the case's result
     * @param reference the completion notice's reference
     * @param message the status message, or null for the general one ({@link Texts#approved})
     */
    record Outcome(String kk, String ru, String reference, Texts.Pair message) {}

    static Outcome of(Tx tx, CaseRecord row, ProcessDefinition d, Message body, FanInDecision.Decision.Approve a)
            throws SQLException {
        if (d.approval() == null) {
            return new Outcome(a.kk(), a.ru(), a.reference(), null);
        }
        ApprovalRule.Approval c = d.approval().compose(body, answers(tx, row));
        return new Outcome(c.resultKk(), c.resultRu(), c.reference(), new Texts.Pair(c.messageKk(), c.messageRu()));
    }

    /** Every answered step of the case by its name in the definition; a later attempt's answer wins. */
    private static Map<String, ApprovalRule.StepAnswer> answers(Tx tx, CaseRecord row) throws SQLException {
        Map<String, ApprovalRule.StepAnswer> answers = new LinkedHashMap<>();
        PreparedStatement q = tx.prepare("SELECT step_name, state, reference, result_kk, result_ru FROM process_step "
                + "WHERE case_id = ? ORDER BY attempt, step_name");
        q.setString(1, row.caseId);
        try (ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                answers.put(
                        CaseTransitions.baseName(rs.getString(1)),
                        new ApprovalRule.StepAnswer(
                                rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
            }
        }
        return answers;
    }
}
