package kz.shlyuz.gateway.process;

/**
 * What a status message reports ({@code status_message.status}, {@code StatusMessage.status} on
 * the wire); {@link #ACCEPTED} and {@link #OBJECTION_RECEIVED} are also {@code SubmitAck.status}.
 * The constant names are the stored and wire strings.
 */
public enum CaseEvent {
    /** The Submit opened the case. */
    ACCEPTED,
    /** A stage ended clear; the text says what comes next. */
    STAGE_DONE,
    /** A step is past its term and its agency has not answered yet. */
    STEP_OVERDUE,
    /** An optional step was passed over at its term (002 §12). */
    STEP_PASSED_OVER,
    /** A step's request could not be delivered within the retry policy; the case waits for an operator. */
    STEP_UNDELIVERED,
    /** Grounds were found; the hearing notice, with the objection deadline in {@code next_due_at} (001). */
    PRELIMINARY_REFUSAL,
    /** The applicant's objection was accepted; internal affairs decides again. */
    OBJECTION_RECEIVED,
    /**
     * The consulate reported that the applicant received the draft refusal and hearing notice; the
     * objection window runs from that day, its end in {@code next_due_at} (001 §11 ¶3).
     */
    DRAFT_REFUSAL_DELIVERED,
    /** The consulate's term for delivering the draft refusal and hearing notice passed without it (001 §11 ¶1–2). */
    HEARING_NOTICE_OVERDUE,
    /** Final: the service was rendered. */
    APPROVED,
    /** Final: the reasoned refusal. */
    REFUSED;

    /** The final event of a case that ended in {@code state}. */
    static CaseEvent finished(CaseState state) {
        return switch (state) {
            case APPROVED -> APPROVED;
            case REFUSED -> REFUSED;
            default -> throw new IllegalArgumentException("state: " + state + " (expected: APPROVED or REFUSED)");
        };
    }
}
