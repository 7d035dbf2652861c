package kz.shlyuz.gateway.journal;

import java.time.Instant;
import java.util.List;

/** The gateway's durable record. Implementations must be safe for concurrent use. */
public interface Journal extends AutoCloseable {

    /**
     * Claims a message for processing. A claim left in progress longer than the lease (a node that
     * died mid-call) may be taken over.
     */
    Claim claim(String sender, String messageId, String contentSha256, String serviceId, Instant now);

    /** Records the answer of a claimed message; later claims of it return this answer. */
    void complete(String sender, String messageId, byte[] response, Instant now);

    /**
     * Records the answer of a claimed message and the call's entry, both durable on return; an
     * implementation may commit them together.
     */
    default void complete(String sender, String messageId, byte[] response, Instant now, JournalEntry entry) {
        complete(sender, messageId, response, now);
        append(entry);
    }

    /** Gives a claimed message up after a refusal, so that a retry is processed afresh. */
    void release(String sender, String messageId);

    /** Appends one entry. */
    void append(JournalEntry entry);

    /** The entries of one message, oldest first (operators' look-up; tests). */
    List<JournalEntry> entries(String sender, String messageId);

    /** The most recent entries, newest first. */
    List<JournalEntry> recent(int limit);

    @Override
    void close();
}
