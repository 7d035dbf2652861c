package kz.shlyuz.gateway.edge;

import io.grpc.Context;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.time.Instant;

/**
 * Applies {@link RateLimiter} to every call as soon as the sender is known from TLS — before the
 * request is read, let alone its signature checked. Over a limit: RESOURCE_EXHAUSTED with
 * RATE_LIMITED or QUOTA_EXCEEDED, google.rpc.RetryInfo with the delay, and a journal row. A call
 * on a connection that {@link ConnectionLimits} is closing for the per-system cap is refused first,
 * with CONNECTION_LIMITED.
 */
public final class RateLimitInterceptor implements ServerInterceptor {
    private final RateLimiter limiter;
    private final EdgeJournal journal;
    private final Context.Key<String> sender;

    /** @param sender the context key the sender interceptor (which must run first) fills */
    public RateLimitInterceptor(RateLimiter limiter, EdgeJournal journal, Context.Key<String> sender) {
        this.limiter = limiter;
        this.journal = journal;
        this.sender = sender;
    }

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(
            ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
        String system = sender.get();
        String overCap = call.getAttributes().get(ConnectionLimits.OVER_CAP);
        RateLimiter.Decision decision = overCap != null
                ? new RateLimiter.Decision(
                        new kz.shlyuz.gateway.status.Refusal(
                                kz.shlyuz.gateway.status.Reason.CONNECTION_LIMITED, overCap),
                        java.time.Duration.ofSeconds(1))
                : limiter.admit(system);
        if (decision.allowed()) {
            return next.startCall(call, headers);
        }
        Instant received = journal.now();
        long start = System.nanoTime();
        String id = EdgeJournal.newId();
        journal.refused(
                system, id, null, call.getMethodDescriptor().getFullMethodName(), decision.refusal(), received, start);
        EdgeStatus.close(call, EdgeStatus.withJournalId(decision.refusal(), id), decision.retryAfter());
        return new ServerCall.Listener<>() {};
    }
}
