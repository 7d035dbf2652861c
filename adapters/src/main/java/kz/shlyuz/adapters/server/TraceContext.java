package kz.shlyuz.adapters.server;

import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * The trace context the gateway passes on ({@code traceparent}, W3C): its trace id goes into the
 * log context of the call (the adapter's request log line carries it), so an agency's log is found
 * from the caller's trace id. A malformed header is ignored.
 */
public final class TraceContext implements ServerInterceptor {
    private static final Metadata.Key<String> TRACEPARENT =
            Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER);
    private static final Pattern VALID = Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");

    /** @param agency the adapter's name (kept for symmetry with the other interceptors) */
    public TraceContext(String agency) {
        java.util.Objects.requireNonNull(agency, "agency");
    }

    /** The trace id of a well-formed {@code traceparent}, or null. */
    static String traceId(String traceparent) {
        if (traceparent == null) {
            return null;
        }
        var m = VALID.matcher(traceparent.trim());
        return m.matches() && !m.group(1).equals("0".repeat(32)) ? m.group(1) : null;
    }

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(
            ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
        String traceId = traceId(headers.get(TRACEPARENT));
        if (traceId == null) {
            return next.startCall(call, headers);
        }
        ServerCall.Listener<Q> delegate = within(traceId, () -> next.startCall(call, headers));
        return new SimpleForwardingServerCallListener<>(delegate) {
            @Override
            public void onMessage(Q message) {
                within(traceId, () -> {
                    super.onMessage(message);
                    return null;
                });
            }

            @Override
            public void onHalfClose() {
                within(traceId, () -> {
                    super.onHalfClose();
                    return null;
                });
            }
        };
    }

    private static <T> T within(String traceId, java.util.function.Supplier<T> work) {
        if (traceId == null) {
            return work.get();
        }
        String before = MDC.get("traceId");
        MDC.put("traceId", traceId);
        try {
            return work.get();
        } finally {
            if (before == null) {
                MDC.remove("traceId");
            } else {
                MDC.put("traceId", before);
            }
        }
    }
}
