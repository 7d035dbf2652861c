package kz.shlyuz.gateway.status;

import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where exceptions thrown by service code become a gRPC status: a {@link Refusal}
 * becomes its reason's status; anything else becomes INTERNAL_ERROR with an incident id that is
 * logged with the stack trace, so no bare UNKNOWN ever reaches a client.
 */
public final class RefusalInterceptor implements ServerInterceptor {
    private static final Logger log = LoggerFactory.getLogger(RefusalInterceptor.class);

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(
            ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
        ServerCall.Listener<Q> delegate;
        try {
            delegate = next.startCall(call, headers);
        } catch (RuntimeException e) {
            close(call, e);
            return new ServerCall.Listener<>() {};
        }
        return new SimpleForwardingServerCallListener<>(delegate) {
            @Override
            public void onMessage(Q message) {
                try {
                    super.onMessage(message);
                } catch (RuntimeException e) {
                    close(call, e);
                }
            }

            @Override
            public void onHalfClose() {
                try {
                    super.onHalfClose();
                } catch (RuntimeException e) {
                    close(call, e);
                }
            }
        };
    }

    private static void close(ServerCall<?, ?> call, RuntimeException e) {
        StatusRuntimeException status = translate(e);
        call.close(status.getStatus(), status.getTrailers() == null ? new Metadata() : status.getTrailers());
    }

    /** Maps any exception from service code; public so streaming handlers can use it too. */
    public static StatusRuntimeException translate(Throwable e) {
        if (e instanceof Refusal refusal) {
            return StatusTranslator.toException(refusal);
        }
        if (e instanceof StatusRuntimeException sre && sre.getStatus().getCode() == Status.Code.CANCELLED) {
            return sre;
        }
        String incident = UUID.randomUUID().toString().substring(0, 8);
        log.error("internal error, incident {}", incident, e);
        return StatusTranslator.toException(new Refusal(Reason.INTERNAL_ERROR, incident));
    }
}
