package kz.shlyuz.gateway.console.data;

import java.time.Instant;
import java.util.List;

/**
 * A message's page (issue 14.2): the admission timeline from the journal, the signers from the
 * stored signature, the agency hop, the answer's evidence, and the case it opened.
 *
 * @param timeline the journal's entries of the message, oldest first (a retry adds one)
 * @param evidence the evidence record, or null when none is kept (mode none, archived)
 * @param signers the request's signers; empty when no signature is kept
 * @param answer the answer's signers and seal proof, or why none is shown
 * @param caseId the case the message opened, or null for a synchronous call
 */
public record MessageView(
        String messageId,
        List<JournalRow> timeline,
        Evidence evidence,
        List<SignerView> signers,
        AnswerView answer,
        String caseId,
        String caseState) {

    /**
     * What the evidence archive holds of the message.
     *
     * @param stampedAt when the chain head covering this record was time-stamped; null: not yet
     * @param revocation the kept OCSP/CRL evidence of the signers' certificates (sha256), or null
     */
    public record Evidence(
            String nodeId,
            long seq,
            String mode,
            String outcome,
            String decision,
            Instant receivedAt,
            Instant finishedAt,
            long verifyMicros,
            long agencyMicros,
            long totalMicros,
            String requestSha256,
            String answerSha256,
            String revocation,
            String digest,
            Instant stampedAt,
            Instant retainUntil) {}
}
