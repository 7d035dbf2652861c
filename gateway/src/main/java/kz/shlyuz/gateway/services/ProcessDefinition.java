package kz.shlyuz.gateway.services;

import com.google.protobuf.Message;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
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
        ApprovalRule approval) {

    public List<Stage> stagesFor(Message body) {
        return stages.apply(body);
    }

    /** The step of this service with this name (the engine strips a re-decision's suffix first). */
    public Optional<StepSpec> step(Message body, String name) {
        return stagesFor(body).stream()
                .flatMap(s -> s.steps().stream())
                .filter(s -> s.name().equals(name))
                .findFirst();
    }
}
