package kz.shlyuz.gateway.services;

/** What a step is for, which decides how its answer moves the case. */
public enum StepKind {
    /** A background check: grounds found lead to refusal. */
    CHECK,
    /** A check the decision may be taken without when it is not answered in time (002 §12). */
    OPTIONAL_CHECK,
    /** A change in an agency's register (registration, permit, document): applied once. */
    EFFECT
}
