package kz.shlyuz.adapters.server;

import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import kz.shlyuz.adapters.operation.RefusalException;
import kz.shlyuz.adapters.operation.Refusals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what a handler throws into the call's status: a {@link RefusalException} into its
 * refusal, anything else into {@code INTERNAL} (reason {@code INTERNAL_ERROR}, ШЭП SCE909) with a
 * message that gives nothing away, logged here with its stack trace. Without this an escaped
 * exception reaches the client as a bare UNKNOWN.
 */
public final class RefusalInterceptor implements ServerInterceptor {
    private static final Logger LOG = LoggerFactory.getLogger(RefusalInterceptor.class);

    private final String agency;

    public RefusalInterceptor(String agency) {
        this.agency = agency;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
            ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        ServerCall.Listener<Q> listener = next.startCall(call, headers);
        return new SimpleForwardingServerCallListener<>(listener) {
            @Override
            public void onMessage(Q message) {
                try {
                    super.onMessage(message);
                } catch (RuntimeException e) {
                    refuse(call, e);
                }
            }

            @Override
            public void onHalfClose() {
                try {
                    super.onHalfClose();
                } catch (RuntimeException e) {
                    refuse(call, e);
                }
            }
        };
    }

    private void refuse(ServerCall<?, ?> call, RuntimeException e) {
        if (e instanceof RefusalException refusal) {
            RefusalStatuses.close(call, refusal.refusal());
            return;
        }
        LOG.error(
                "agency={} method={} failed", agency, call.getMethodDescriptor().getFullMethodName(), e);
        RefusalStatuses.close(call, Refusals.internal(agency));
    }
}
