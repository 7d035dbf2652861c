package kz.shlyuz.gateway.services;

import com.google.protobuf.Message;

/**
 * A service's own rule on what it accepts through which channel, checked on {@code Submit} once
 * the request is admitted (004 annex 1: the portal takes an ID document only after a change of
 * its type). Refuses by throwing {@link kz.shlyuz.gateway.status.Refusal}.
 */
@FunctionalInterface
public interface IntakeRule {
    /** A service with no rules of its own. */
    IntakeRule NONE = (sender, body) -> {};

    /**
     * Checks a request or follow-up at intake; refuses by throwing.
     *
     * @param sender the sending system
     * @param body the admitted request body (or follow-up)
     */
    void check(String sender, Message body);

    /**
     * As {@link #check(String, Message)}, knowing when the request was taken in: for rules with a
     * time window (004 annex 3 §5: the owner's SMS consent must be recent) or that depend on the
     * day (002 §4: the applicant's and children's ages). The gateway calls this one; a rule that
     * needs neither implements only the other.
     */
    default void check(String sender, Message body, IntakeTime at) {
        check(sender, body);
    }
}
