package kz.shlyuz.gateway.evidence;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import java.time.Instant;
import java.util.List;

/**
 * What a handler hands to the evidence log for one message: the exact bytes as received and
 * answered, what revocation checking relied on, timings and outcome.
 *
 * @param kind what the message was
 * @param outcome ANSWERED, REPLAYED or REFUSED
 * @param reason the refusal reason, or null
 * @param decision whether the message ended positively (answered, accepted, clear) or negatively
 *     (refused, grounds found): chooses the retention period
 * @param requestContent the signed content as received (empty when it travelled inside the CMS)
 * @param requestCms the request's CMS as received
 * @param answer the answer as sent (a SignedResponse with every signature and any batch seal, or
 *     a SubmitAck), or for a case step the agency's SignedResponse; null when there was none
 * @param revocation what the revocation status of each verified signer was judged from
 * @param verifyMicros -1 when unknown
 */
public record EvidenceItem(
        Kind kind,
        String sender,
        String messageId,
        String serviceId,
        String caseId,
        String outcome,
        String reason,
        Decision decision,
        Instant receivedAt,
        Instant finishedAt,
        long verifyMicros,
        long agencyMicros,
        long totalMicros,
        ByteString requestContent,
        ByteString requestCms,
        ByteString answer,
        List<RevocationItem> revocation) {

    public EvidenceItem {
        revocation = revocation == null ? List.of() : List.copyOf(revocation);
    }

    /** A body the caller hands over and never changes again, wrapped without a copy; null for null. */
    public static ByteString body(byte[] handedOver) {
        return handedOver == null ? null : UnsafeByteOperations.unsafeWrap(handedOver);
    }

    /** What the message was. */
    public enum Kind {
        CALL,
        SUBMIT,
        OBJECTION,
        CASE_ANSWER
    }

    /** How the message ended, for retention. */
    public enum Decision {
        POSITIVE,
        NEGATIVE
    }
}
