package kz.shlyuz.gateway.process;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The fan-in rule of a stage, as a pure function: once every step of the current stage has
 * answered, what comes next — wait, the reasoned refusal, a preliminary refusal with a hearing
 * (001), the next stage, or approval. The engine reads the step rows and applies the decision in
 * the same transaction; the rule itself needs no database.
 */
final class FanInDecision {
    private FanInDecision() {}

    /** What one step of the stage answered: its state in {@code process_step} and its texts. */
    record StepOutcome(String name, StepState state, String code, String kk, String ru, String reference) {
        StepOutcome {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(state, "state");
        }
    }

    /** The decision; the engine writes it. */
    sealed interface Decision {
        /** A step of the stage has not answered yet (pending, or undelivered and waiting for an operator). */
        record Wait() implements Decision {}

        /** Grounds found, and the service first gives a preliminary refusal with an objection window (001). */
        record PreliminaryRefusal(String code, String kk, String ru) implements Decision {}

        /** Grounds found: the reasoned refusal. */
        record Refuse(String code, String kk, String ru) implements Decision {}

        /**
         * The stage is clear and another follows.
         *
         * @param endsObjectionReview the case was re-deciding after an objection and is in progress again
         * @param summaryKk / summaryRu what the finished stage found, for the status message
         */
        record NextStage(int stage, boolean endsObjectionReview, String summaryKk, String summaryRu)
                implements Decision {}

        /** The last stage is clear: the service is rendered. */
        record Approve(String kk, String ru, String reference) implements Decision {}
    }

    /**
     * @param steps the stage's steps, ordered by name
     * @param preliminaryRefusal whether the service gives a preliminary refusal first
     * @param caseState the case's state before the decision
     * @param stage the current stage's index
     * @param stageCount how many stages the case has
     */
    static Decision decide(
            List<StepOutcome> steps, boolean preliminaryRefusal, CaseState caseState, int stage, int stageCount) {
        if (steps.stream().anyMatch(s -> s.state().awaitsAnswer())) {
            return new Decision.Wait();
        }
        List<StepOutcome> grounds = steps.stream()
                .filter(s -> s.state() == StepState.GROUNDS || s.state() == StepState.FAILED)
                .toList();
        if (!grounds.isEmpty()) {
            String code = grounds.stream().map(StepOutcome::code).collect(Collectors.joining(","));
            String kk = grounds.stream().map(StepOutcome::kk).collect(Collectors.joining("; "));
            String ru = grounds.stream().map(StepOutcome::ru).collect(Collectors.joining("; "));
            return preliminaryRefusal && caseState == CaseState.IN_PROGRESS
                    ? new Decision.PreliminaryRefusal(code, kk, ru)
                    : new Decision.Refuse(code, kk, ru);
        }
        String doneKk =
                steps.stream().map(StepOutcome::kk).filter(Objects::nonNull).collect(Collectors.joining("; "));
        String doneRu =
                steps.stream().map(StepOutcome::ru).filter(Objects::nonNull).collect(Collectors.joining("; "));
        if (stage + 1 < stageCount) {
            return new Decision.NextStage(
                    stage + 1,
                    caseState == CaseState.OBJECTION_REVIEW,
                    doneKk.isEmpty() ? "Тексерулер кедергі келтіретін негіздер таппады." : doneKk + ".",
                    doneRu.isEmpty() ? "Проверки не выявили препятствующих оснований." : doneRu + ".");
        }
        StepOutcome last = steps.get(steps.size() - 1);
        return new Decision.Approve(doneKk.isEmpty() ? "—" : doneKk, doneRu.isEmpty() ? "—" : doneRu, last.reference());
    }
}
