package kz.shlyuz.gateway.services;

import java.util.Objects;
import kz.shlyuz.gateway.calendar.Term;

/**
 * The right to be heard before a refusal (001 §11), as a service defines it.
 *
 * <p>Reading of §11: internal affairs' preliminary refusal reaches the gateway as the grounds of
 * a fan-in; the consulate then has {@code draftDelivery} to send the applicant the draft with the
 * hearing notice (¶1), and the notice must go out at least {@code noticeBeforeEnd} before the
 * service's term ends (¶2), so the consulate's deadline is the earlier of the two. The
 * applicant's {@code objectionWindow} runs from the day they receive the draft (¶3), which the
 * consulate reports as its own signed message. With 3 wd before the term and a 2 wd window, the
 * last working day is left for internal affairs' re-decision, which is {@code review}: a step of
 * its own that receives the objection's reasons and materials (¶5–6), not the checks run again.
 *
 * @param draftDelivery the consulate's term to deliver the draft refusal, from the grounds (5 wd)
 * @param noticeBeforeEnd the hearing notice goes out at least this long before the term ends (3 wd)
 * @param objectionWindow how long the applicant may object, from the day of delivery (2 wd)
 * @param review internal affairs' re-decision on the objection; answers grounds (the refusal
 *     stands) or clear (the service goes on)
 * @param channelKk / channelRu where the applicant hands in the objection, for the hearing notice
 */
public record HearingRules(
        Term draftDelivery,
        Term noticeBeforeEnd,
        Term objectionWindow,
        StepSpec review,
        String channelKk,
        String channelRu) {
    public HearingRules {
        Objects.requireNonNull(draftDelivery, "draftDelivery");
        Objects.requireNonNull(noticeBeforeEnd, "noticeBeforeEnd");
        Objects.requireNonNull(objectionWindow, "objectionWindow");
        Objects.requireNonNull(review, "review");
        Objects.requireNonNull(channelKk, "channelKk");
        Objects.requireNonNull(channelRu, "channelRu");
        if (noticeBeforeEnd.unit() != Term.Unit.WORKING_DAYS) {
            throw new IllegalArgumentException("noticeBeforeEnd: " + noticeBeforeEnd + " (expected: working days)");
        }
    }
}
