package kz.shlyuz.gateway.process;

/**
 * What an outbox row asks for ({@code outbox.kind}). A timer row's step name is
 * {@code <KIND>:<step>} (the OBJECTION timer is the case's, named {@code OBJECTION}), so a row's
 * request id stays unique per case and step. The constant names are the stored strings.
 */
public enum OutboxKind {
    /** Ask an agency: the step's call. */
    CALL,
    /** An optional step's term ran out: pass it over. */
    DEADLINE,
    /** A step's term ran out: tell the applicant it is late. */
    OVERDUE,
    /** The objection window of a preliminary refusal closed. */
    OBJECTION,
    /** The consulate's latest day to deliver the draft refusal and hearing notice passed (001 §11 ¶1–2). */
    HEARING;

    /** Whether a row of this kind is a timer (fired by {@link Timers}) rather than an agency call. */
    public boolean timer() {
        return this != CALL;
    }

    /**
     * The outbox row's step name for {@code step}: the step itself for a call, {@code KIND:step} for a
     * step's timer, {@code OBJECTION} for the case's objection window ({@code step} is not used).
     */
    String rowName(String step) {
        return switch (this) {
            case CALL -> step;
            case OBJECTION, HEARING -> name();
            case DEADLINE, OVERDUE -> name() + ":" + step;
        };
    }

    /** The step a row of this kind is about, from its row name (the inverse of {@link #rowName}). */
    String stepOf(String rowName) {
        return switch (this) {
            case CALL, OBJECTION, HEARING -> rowName;
            case DEADLINE, OVERDUE -> rowName.substring(name().length() + 1);
        };
    }
}
