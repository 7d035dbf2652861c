package kz.shlyuz.gateway.journal;

import com.google.protobuf.ByteString;
import java.time.Instant;

/** One caller's operation for the journal's group commit ({@link JournalBatch}). */
sealed interface JournalOp {
    /** A message this node is processing, by its key. */
    record MessageKey(String sender, String messageId) {}

    /**
     * What this node holds of a message it is processing.
     *
     * @param claimRow whether the database holds an in-progress row for it (a stale claim taken over)
     */
    record InFlight(String contentSha256, String serviceId, boolean claimRow) {}

    /** Records the answer of a claimed message. */
    record Complete(MessageKey key, InFlight claim, ByteString response, Instant now) implements JournalOp {}

    /** Appends one entry. */
    record Append(JournalEntry entry) implements JournalOp {}

    /** Fault injection: the writer thread dies of this error when its group reaches it (tests of fail-fast). */
    record Fault(Error error) implements JournalOp {}
}
