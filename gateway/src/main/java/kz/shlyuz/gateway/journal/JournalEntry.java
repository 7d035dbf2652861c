package kz.shlyuz.gateway.journal;

import java.time.Instant;

/**
 * One call as journaled. Holds no personal data in clear: {@code signers} is already masked and
 * {@code detail} is the refusal detail, which never contains a full IIN.
 *
 * @param outcome ANSWERED, REPLAYED (a retry answered from the record) or REFUSED
 */
public record JournalEntry(
        Instant receivedAt,
        Instant finishedAt,
        String sender,
        String messageId,
        String serviceId,
        String contentSha256,
        String signers,
        Outcome outcome,
        String reason,
        String grpcCode,
        String detail,
        String agency,
        long verifyMicros,
        long agencyMicros,
        long totalMicros) {

    public enum Outcome {
        ANSWERED,
        REPLAYED,
        REFUSED
    }
}
