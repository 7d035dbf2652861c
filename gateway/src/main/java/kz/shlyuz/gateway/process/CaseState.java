package kz.shlyuz.gateway.process;

/**
 * Where a case stands ({@code process_case.state}, {@code Case.state} on the wire). The constant
 * names are the stored and wire strings; they must not be renamed.
 */
public enum CaseState {
    /** The stages' steps are running. */
    IN_PROGRESS,
    /** Grounds were found and the objection window is open (001); the refusal is not final yet. */
    PRELIMINARY_REFUSAL,
    /** The applicant objected in time; internal affairs decides again (the stage runs again). */
    OBJECTION_REVIEW,
    /** Final: the service was rendered. */
    APPROVED,
    /** Final: the reasoned refusal. */
    REFUSED;

    /** Approved or refused: nothing changes the case any more. */
    public boolean finished() {
        return this == APPROVED || this == REFUSED;
    }
}
