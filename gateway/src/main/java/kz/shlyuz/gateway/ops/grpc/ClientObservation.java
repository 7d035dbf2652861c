package kz.shlyuz.gateway.ops.grpc;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.ForwardingClientCallListener.SimpleForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import java.util.concurrent.TimeUnit;
import kz.shlyuz.gateway.ops.metrics.GatewayMetrics;
import kz.shlyuz.gateway.ops.tracing.Tracing;

/**
 * The gateway's calls to the agency adapters: gRPC client metrics per agency, method and status,
 * and the trace context passed on in the request headers ({@code traceparent}), under a client
 * span when tracing is on — so an adapter's log can be followed from the caller's trace id.
 */
public final class ClientObservation implements ClientInterceptor {
    private final GatewayMetrics metrics;
    private final Tracing tracing;

    public ClientObservation(GatewayMetrics metrics, Tracing tracing) {
        this.metrics = metrics;
        this.tracing = tracing;
    }

    @Override
    public <Q, A> ClientCall<Q, A> interceptCall(MethodDescriptor<Q, A> method, CallOptions options, Channel next) {
        long start = System.nanoTime();
        String agency = next.authority();
        Context current = Context.current();
        Span span = tracing.tracer() == null
                ? null
                : tracing.tracer()
                        .spanBuilder(method.getFullMethodName())
                        .setParent(current)
                        .setSpanKind(SpanKind.CLIENT)
                        .setAttribute("shlyuz.agency", agency)
                        .startSpan();
        Context sent = span == null ? current : current.with(span);
        return new SimpleForwardingClientCall<>(next.newCall(method, options)) {
            @Override
            public void start(Listener<A> responses, Metadata headers) {
                tracing.propagator().inject(sent, headers, Tracing.SETTER);
                super.start(
                        new SimpleForwardingClientCallListener<>(responses) {
                            @Override
                            public void onClose(Status status, Metadata trailers) {
                                GatewayMetrics.histogram(
                                                "shlyuz.grpc.client.duration",
                                                "gRPC calls to the agency adapters by agency, method and status")
                                        .tags(
                                                "agency",
                                                agency,
                                                "method",
                                                method.getFullMethodName(),
                                                "status",
                                                status.getCode().name())
                                        .register(metrics.registry())
                                        .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                                if (span != null) {
                                    if (!status.isOk()) {
                                        span.setStatus(
                                                StatusCode.ERROR,
                                                status.getCode().name());
                                    }
                                    span.end();
                                }
                                super.onClose(status, trailers);
                            }
                        },
                        headers);
            }
        };
    }
}
