package kz.shlyuz.adapters.server;

import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.util.Optional;
import java.util.Set;
import kz.shlyuz.adapters.operation.Refusals;

/**
 * Lets through only callers whose TLS client certificate CN is allowed: agencies answer the
 * gateway, never a front-end directly, since only the gateway has checked the applicant's
 * signature and right to the service. Fails closed: no verified peer certificate, no call.
 */
public final class CallerAllowList implements ServerInterceptor {
    private final String agency;
    private final Set<String> allowed;

    public CallerAllowList(String agency, Set<String> allowed) {
        this.agency = agency;
        this.allowed = Set.copyOf(allowed);
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
            ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        Optional<String> caller = PeerCommonName.of(call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION));
        if (caller.isEmpty()) {
            RefusalStatuses.close(call, Refusals.callerUnknown());
            return new ServerCall.Listener<>() {};
        }
        if (!allowed.contains(caller.get())) {
            RefusalStatuses.close(call, Refusals.callerNotAllowed(agency, caller.get()));
            return new ServerCall.Listener<>() {};
        }
        return next.startCall(call, headers);
    }
}
