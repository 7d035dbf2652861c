package kz.shlyuz.adapters.operation;

import java.util.Objects;

/**
 * A refusal on its way to the caller. The only exception operations throw on purpose; the
 * server turns it into a status in one place.
 */
public final class RefusalException extends RuntimeException {
    private final transient Refusal refusal;

    public RefusalException(Refusal refusal) {
        // No stack trace: a refusal is an answer, not a fault, and is raised per bad request.
        super(Objects.requireNonNull(refusal, "refusal").reason() + ": " + refusal.messageRu(), null, false, false);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
