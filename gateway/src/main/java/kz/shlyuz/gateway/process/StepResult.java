package kz.shlyuz.gateway.process;

/** What an agency's answer to a step means for the case. */
public sealed interface StepResult {
    /** The check found nothing that bars the service. */
    record Clear() implements StepResult {}

    /** The check found a ground; its texts are quoted in the refusal. */
    record Grounds(String code, String kk, String ru, String recordRef) implements StepResult {}

    /** The effect was applied; reference is the number of what was produced. */
    record Done(String reference, String kk, String ru) implements StepResult {}

    /** The agency refused the request itself (no such person, invalid data). */
    record Failed(String code, String kk, String ru) implements StepResult {}
}
