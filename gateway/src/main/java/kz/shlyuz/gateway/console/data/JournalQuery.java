package kz.shlyuz.gateway.console.data;

import java.time.Instant;

/**
 * A journal search (issue 14.2): each filter may be null; {@code iin} is the full IIN as entered,
 * matched against the cases' applicants and related persons and never shown back.
 *
 * @param page 0-based
 */
public record JournalQuery(
        String messageId,
        String correlationId,
        String sender,
        String service,
        String iin,
        Instant from,
        Instant to,
        String outcome,
        String reason,
        int page,
        int size) {
    /** Most rows one page may ask for. */
    public static final int MAX_SIZE = 200;

    public JournalQuery {
        if (page < 0) {
            throw new IllegalArgumentException("page: " + page + " (expected: >= 0)");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size: " + size + " (expected: 1–" + MAX_SIZE + ")");
        }
    }
}
