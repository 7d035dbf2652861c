package kz.shlyuz.gateway.console.data;

import java.time.Instant;

/** One journaled call as the console lists it; {@code signers} is the journal's masked description. */
public record JournalRow(
        long id,
        Instant receivedAt,
        Instant finishedAt,
        String sender,
        String messageId,
        String serviceId,
        String signers,
        String outcome,
        String reason,
        String grpcCode,
        String detail,
        String agency,
        long verifyMicros,
        long agencyMicros,
        long totalMicros) {}
