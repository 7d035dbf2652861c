package kz.shlyuz.gateway.services;

import com.google.protobuf.Message;
import java.util.Map;
import java.util.Objects;

/**
 * What an approved case produced and what its applicant must still do, composed from every step
 * of the case rather than from the last stage alone (000 action 14: the exit permit, the
 * departure sheet and the military ID to hand in; not only the last stage's sheet).
 */
@FunctionalInterface
public interface ApprovalRule {
    /**
     * The approval of a case whose last stage found nothing against it.
     *
     * @param body the case's request body
     * @param answers every answered step of the case by its name in the definition (a
     *     re-decision's answer replaces the first one)
     */
    Approval compose(Message body, Map<String, StepAnswer> answers);

    /**
     * One step's answer as the case recorded it.
     *
     * @param state the step's state ({@code DONE}, {@code CLEAR}, …)
     * @param reference the number of what an effect produced; empty when it produced nothing
     * @param kk / ru the agency's text; empty when it gave none
     */
    record StepAnswer(String state, String reference, String kk, String ru) {
        public StepAnswer {
            Objects.requireNonNull(state, "state");
            reference = reference == null ? "" : reference;
            kk = kk == null ? "" : kk;
            ru = ru == null ? "" : ru;
        }
    }

    /**
     * The approval.
     *
     * @param reference the number of the service's result, given in the completion notice
     * @param resultKk / resultRu what was produced, kept as the case's result
     * @param messageKk / messageRu the status message: what was produced, what to do, where to collect it
     */
    record Approval(String reference, String resultKk, String resultRu, String messageKk, String messageRu) {
        public Approval {
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(resultKk, "resultKk");
            Objects.requireNonNull(resultRu, "resultRu");
            Objects.requireNonNull(messageKk, "messageKk");
            Objects.requireNonNull(messageRu, "messageRu");
        }
    }
}
