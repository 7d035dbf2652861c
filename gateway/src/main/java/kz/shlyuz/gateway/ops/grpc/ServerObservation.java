package kz.shlyuz.gateway.ops.grpc;

import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import kz.shlyuz.gateway.caller.Caller;
import kz.shlyuz.gateway.journal.Journal;
import kz.shlyuz.gateway.journal.JournalEntry;
import kz.shlyuz.gateway.ops.maintenance.Maintenance;
import kz.shlyuz.gateway.ops.metrics.GatewayMetrics;
import kz.shlyuz.gateway.ops.tracing.Stages;
import kz.shlyuz.gateway.ops.tracing.Tracing;
import kz.shlyuz.gateway.status.Reason;
import kz.shlyuz.gateway.status.Refusal;
import kz.shlyuz.gateway.status.RefusalInterceptor;
import kz.shlyuz.proto.v1.RequestContent;
import kz.shlyuz.proto.v1.SignedRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The outermost interceptor of the gateway's own services: gRPC server metrics per method and
 * status, the call's span (child of the caller's {@code traceparent}), the log context of the
 * call (trace id, sender, message id, correlation id, service — the ids as the caller sent them,
 * reduced to a safe alphabet so that nobody can forge a log line), the in-flight count, and the
 * maintenance gate: while the node drains, a new call is refused with MAINTENANCE and journaled.
 */
public final class ServerObservation implements ServerInterceptor {
    private static final Logger log = LoggerFactory.getLogger(ServerObservation.class);
    private static final int MAX_ID = 64;

    private final GatewayMetrics metrics;
    private final Tracing tracing;
    private final Maintenance maintenance;
    private final Journal journal;
    private final Clock clock;
    private final Stages.Instruments instruments;
    private final AtomicInteger inFlight;

    /**
     * @param journal where maintenance refusals are journaled (and so counted)
     * @param inFlight calls of the gateway's services running now, shared by every service
     */
    public ServerObservation(
            GatewayMetrics metrics,
            Tracing tracing,
            Maintenance maintenance,
            Journal journal,
            Clock clock,
            AtomicInteger inFlight) {
        this.metrics = metrics;
        this.tracing = tracing;
        this.maintenance = maintenance;
        this.journal = journal;
        this.clock = clock;
        this.inFlight = inFlight;
        this.instruments = new Stages.Instruments(metrics::stage, tracing.tracer());
    }

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(
            ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
        long start = System.nanoTime();
        String method = call.getMethodDescriptor().getFullMethodName();
        Context parent = headers.containsKey(Tracing.TRACEPARENT)
                ? tracing.propagator().extract(Context.root(), headers, Tracing.GETTER)
                : Context.root();
        Span span = tracing.tracer() == null
                ? Span.fromContext(parent)
                : tracing.tracer()
                        .spanBuilder(method)
                        .setParent(parent)
                        .setSpanKind(SpanKind.SERVER)
                        .startSpan();
        Context otel = parent.with(span);
        String sender = Caller.systemOf(call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION));
        Map<String, String> logContext = new LinkedHashMap<>();
        SpanContext spanContext = span.getSpanContext();
        if (spanContext.isValid()) {
            logContext.put("traceId", spanContext.getTraceId());
            logContext.put("spanId", spanContext.getSpanId());
        }
        if (sender != null) {
            logContext.put("sender", sender);
        }
        boolean refuseForMaintenance = maintenance.active();
        inFlight.incrementAndGet();
        ServerCall<Q, A> observed = new SimpleForwardingServerCall<>(call) {
            private boolean closed;

            @Override
            public void close(Status status, Metadata trailers) {
                if (!closed) {
                    closed = true;
                    finished(method, status, start, span);
                }
                super.close(status, trailers);
            }
        };
        ServerCall.Listener<Q> delegate;
        try (Scope ignored = otel.makeCurrent()) {
            delegate = Contexts.interceptCall(
                    io.grpc.Context.current().withValue(Stages.INSTRUMENTS, instruments), observed, headers, next);
        } catch (RuntimeException e) {
            finished(method, Status.INTERNAL, start, span);
            throw e;
        }
        return new SimpleForwardingServerCallListener<>(delegate) {
            private boolean refused;

            @Override
            public void onMessage(Q message) {
                if (message instanceof SignedRequest request) {
                    identify(request, logContext);
                }
                if (refuseForMaintenance && !refused) {
                    refused = true;
                    within(() -> refuse(observed, sender, logContext));
                    return;
                }
                if (!refused) {
                    within(() -> super.onMessage(message));
                }
            }

            @Override
            public void onHalfClose() {
                if (refuseForMaintenance && !refused) {
                    // No request came (a stream without messages): still refused.
                    refused = true;
                    within(() -> refuse(observed, sender, logContext));
                    return;
                }
                if (!refused) {
                    within(super::onHalfClose);
                }
            }

            @Override
            public void onCancel() {
                within(super::onCancel);
            }

            @Override
            public void onComplete() {
                within(super::onComplete);
            }

            @Override
            public void onReady() {
                within(super::onReady);
            }

            private void within(Runnable callback) {
                logContext.forEach(MDC::put);
                try (Scope ignored = otel.makeCurrent()) {
                    callback.run();
                } finally {
                    MDC.clear();
                }
            }
        };
    }

    private void refuse(ServerCall<?, ?> call, String sender, Map<String, String> logContext) {
        Refusal refusal = new Refusal(Reason.MAINTENANCE, "");
        java.time.Instant now = clock.instant();
        try {
            journal.append(new JournalEntry(
                    now,
                    now,
                    sender == null ? "" : sender,
                    logContext.get("messageId"),
                    logContext.get("service"),
                    null,
                    null,
                    JournalEntry.Outcome.REFUSED,
                    refusal.reason().name(),
                    refusal.reason().code().name(),
                    "",
                    null,
                    -1,
                    -1,
                    0));
        } catch (RuntimeException e) {
            log.error("journal append failed for a call refused during maintenance", e);
        }
        log.info("call refused: the node is in maintenance mode");
        StatusRuntimeException status = RefusalInterceptor.translate(refusal);
        call.close(status.getStatus(), status.getTrailers() == null ? new Metadata() : status.getTrailers());
    }

    private void finished(String method, Status status, long start, Span span) {
        inFlight.decrementAndGet();
        MeterRegistry registry = metrics.registry();
        GatewayMetrics.histogram("shlyuz.grpc.server.duration", "gRPC server calls by method and status")
                .tags("method", method, "status", status.getCode().name())
                .register(registry)
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        if (span.getSpanContext().isValid() && span.isRecording()) {
            if (!status.isOk()) {
                span.setStatus(StatusCode.ERROR, status.getCode().name());
            }
            span.setAttribute("rpc.grpc.status_code", status.getCode().value());
            span.end();
        }
    }

    /** The ids the request names, for the log context only: a safe alphabet, at most 64 characters. */
    private static void identify(SignedRequest request, Map<String, String> logContext) {
        try {
            RequestContent content = RequestContent.parseFrom(request.getContent());
            put(logContext, "messageId", content.getMessageId());
            put(logContext, "correlationId", content.getCorrelationId());
            put(logContext, "service", content.getServiceId());
        } catch (InvalidProtocolBufferException e) {
            // Not a RequestContent: admission refuses it; the log context stays without ids.
        }
    }

    private static void put(Map<String, String> logContext, String key, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        StringBuilder safe = new StringBuilder(Math.min(value.length(), MAX_ID));
        for (int i = 0; i < value.length() && safe.length() < MAX_ID; i++) {
            char c = value.charAt(i);
            safe.append(
                    (c >= 'a' && c <= 'z')
                                    || (c >= 'A' && c <= 'Z')
                                    || (c >= '0' && c <= '9')
                                    || c == '-'
                                    || c == '_'
                                    || c == '.'
                                    || c == ':'
                            ? c
                            : '?');
        }
        logContext.put(key, safe.toString());
    }
}
