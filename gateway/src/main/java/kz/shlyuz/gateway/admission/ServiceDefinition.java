package kz.shlyuz.gateway.admission;

import com.google.protobuf.Message;
import java.util.Optional;
import java.util.function.Function;

/**
 * One public service: its fixed id, the type of its request body, whether it is answered
 * synchronously ({@code Call}) or runs as a process ({@code Submit}), who must sign it, and — for
 * a synchronous service — which agency answers it.
 */
public record ServiceDefinition(
        String id,
        Class<? extends Message> bodyType,
        boolean synchronous,
        Function<Message, Applicants> applicants,
        Function<Message, AgencyCall> route,
        Class<? extends Message> followUpType,
        Function<Message, Applicants> followUpApplicants) {

    /** A service without follow-up messages. */
    public ServiceDefinition(String id, Class<? extends Message> bodyType, boolean synchronous,
            Function<Message, Applicants> applicants, Function<Message, AgencyCall> route) {
        this(id, bodyType, synchronous, applicants, route, null, null);
    }

    /**
     * A service that also accepts a follow-up message about an existing case (the objection to a
     * preliminary refusal, 001): its body type and who must sign it.
     */
    public ServiceDefinition withFollowUp(Class<? extends Message> type, Function<Message, Applicants> signers) {
        return new ServiceDefinition(id, bodyType, synchronous, applicants, route, type, signers);
    }

    /** True when {@code body} is this service's follow-up message rather than a new request. */
    public boolean isFollowUp(Message body) {
        return followUpType != null && followUpType.isInstance(body);
    }

    public Applicants applicantsOf(Message body) {
        return isFollowUp(body) ? followUpApplicants.apply(body) : applicants.apply(body);
    }

    /** The agency call that answers a synchronous service; empty for asynchronous ones. */
    public Optional<AgencyCall> routeOf(Message body) {
        return route == null ? Optional.empty() : Optional.of(route.apply(body));
    }
}
