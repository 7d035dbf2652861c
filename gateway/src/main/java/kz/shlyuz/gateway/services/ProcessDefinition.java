package kz.shlyuz.gateway.services;

import com.google.protobuf.Message;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import kz.shlyuz.gateway.calendar.KazakhstanCalendar;
import kz.shlyuz.gateway.calendar.Term;

/**
 * A service as a process: the part of a {@link ServiceDefinition} the process engine runs.
 *
 * @param stages the stages for a given request body (ID documents: the terms depend on urgency)
 * @param caseTerm the term for the whole service, from the request
 * @param parties the applicant's IIN and a second person's (or null) from the body
 * @param preliminaryRefusal true when grounds first give a preliminary refusal with a hearing and
 *     an objection window (001), false when they give the reasoned refusal at once
 * @param objectionWindow how long the applicant may object after a preliminary refusal
 * @param titleKk / titleRu the service's name for people
 * @param secondParty how the second person's cabinet presents the case (issue 11.3)
 * @param handOut where the applicant collects the result, by the sending system; null for the
 *     general line (personal cabinet or where the application was made)
 * @param dueAfterStages true when the case is never due before its stages' terms one after
 *     another (004 annex 1); false keeps the service's own term as it is
 * @param hearing the right to be heard (001 §11): delivery of the draft refusal, the hearing
 *     notice's latest day, internal affairs' re-decision on an objection; null when the service
 *     has none (an objection then runs the stage that found the grounds again)
 * @param guidance the service's own appeal route, or null for the general one
 * @param approval what an approved case produced and what its applicant reads, from all its
 *     steps; null: the last stage's results and the general text
 */
public record ProcessDefinition(
        String serviceId,
        Function<Message, List<Stage>> stages,
        Function<Message, Term> caseTerm,
        Function<Message, List<String>> parties,
        boolean preliminaryRefusal,
        Term objectionWindow,
        String titleKk,
        String titleRu,
        SecondParty secondParty,
        Function<String, Wording> handOut,
        boolean dueAfterStages,
        HearingRules hearing,
        CitizenGuidance guidance,
        ApprovalRule approval) {

    public ProcessDefinition {
        secondParty = secondParty == null ? SecondParty.GENERIC : secondParty;
    }

    public List<Stage> stagesFor(Message body) {
        return stages.apply(body);
    }

    /** Where the applicant collects the result of a case sent by {@code sender}, if the service says. */
    public Optional<Wording> handOutFor(String sender) {
        return handOut == null ? Optional.empty() : Optional.ofNullable(handOut.apply(sender));
    }

    /**
     * When the case opened at {@code start} is due: the service's own term and, where {@link
     * #dueAfterStages}, never earlier than its stages' terms one after another (004 annex 1: the
     * promised date cannot come before the sum of the hops; a stage ends when its slowest step does).
     */
    public Instant caseDue(Message body, Instant start, KazakhstanCalendar calendar) {
        Instant due = caseTerm.apply(body).dueFrom(start, calendar);
        if (!dueAfterStages) {
            return due;
        }
        Instant hops = start;
        for (Stage stage : stagesFor(body)) {
            Instant from = hops;
            hops = stage.steps().stream()
                    .map(s -> s.term().dueFrom(from, calendar))
                    .max(Instant::compareTo)
                    .orElse(from);
        }
        return hops.isAfter(due) ? hops : due;
    }

    /**
     * The step of this service with this name (the engine strips a re-decision's suffix first),
     * including internal affairs' re-decision on an objection ({@link HearingRules#review}).
     */
    public Optional<StepSpec> step(Message body, String name) {
        if (hearing != null && hearing.review().name().equals(name)) {
            return Optional.of(hearing.review());
        }
        return stagesFor(body).stream()
                .flatMap(s -> s.steps().stream())
                .filter(s -> s.name().equals(name))
                .findFirst();
    }
}
