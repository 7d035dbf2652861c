package kz.shlyuz.gateway.process;

/**
 * Where one step of a case stands ({@code process_step.state}, {@code CaseStep.state} on the
 * wire). The constant names are the stored and wire strings; they must not be renamed.
 */
public enum StepState {
    /** Asked, or about to be asked; the agency has not answered. */
    PENDING,
    /** The check found nothing that bars the service. */
    CLEAR,
    /** The check found a ground to refuse. */
    GROUNDS,
    /** The effect was applied. */
    DONE,
    /** The agency refused the request itself (no such person, invalid data). */
    FAILED,
    /** Passed over: not answered within its term where the regulation allows deciding without it (002 §12). */
    SKIPPED,
    /**
     * The request could not be delivered within the retry policy's maximum number of attempts
     * (see {@link RetryPolicy}). Terminal for the delivery, not for the case: the case waits (an
     * optional step is still passed over at its term) until an operator sends the step again.
     */
    UNDELIVERED;

    /** No answer yet: the stage cannot fan in while one of its steps is in this state. */
    public boolean awaitsAnswer() {
        return this == PENDING || this == UNDELIVERED;
    }

    /** What the agency's answer makes of a step. */
    static StepState of(StepResult result) {
        if (result instanceof StepResult.Clear) {
            return CLEAR;
        }
        if (result instanceof StepResult.Grounds) {
            return GROUNDS;
        }
        if (result instanceof StepResult.Done) {
            return DONE;
        }
        return FAILED;
    }
}
