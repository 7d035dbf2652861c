package kz.shlyuz.gateway.process;

/** Where an outbox row stands ({@code outbox.state}). The constant names are the stored strings. */
public enum OutboxState {
    /** Due at {@code due_at}; a worker leases it then. */
    PENDING,
    /** Carried out: the step's result or the timer's effect is committed. */
    DONE,
    /** No longer needed: the case finished, or re-decides, or the step was passed over. */
    CANCELLED,
    /**
     * Given up after the retry policy's maximum number of attempts: the dead letter. The row keeps
     * its {@code attempts} and {@code last_error}; its step is {@link StepState#UNDELIVERED}.
     */
    FAILED
}
