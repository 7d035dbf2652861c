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
        Function<Message, AgencyCall> route) {

    public Applicants applicantsOf(Message body) {
        return applicants.apply(body);
    }

    /** The agency call that answers a synchronous service; empty for asynchronous ones. */
    public Optional<AgencyCall> routeOf(Message body) {
        return route == null ? Optional.empty() : Optional.of(route.apply(body));
    }
}
