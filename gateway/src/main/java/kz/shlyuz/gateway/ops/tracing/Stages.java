package kz.shlyuz.gateway.ops.tracing;

import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.util.function.Supplier;

/**
 * The parts of a call — admission, verification, agency, journal, seal — each timed into its
 * latency histogram and, when tracing is on, a child span of the call's span. Service code wraps a
 * part in {@link #call}; what to time it with comes from the call's gRPC context, which the
 * gateway's {@link kz.shlyuz.gateway.ops.grpc.ServerObservation} sets, so code run outside a
 * gateway call (unit tests, the outbox) just runs.
 */
public final class Stages {
    /** The per-call instruments: the gateway's stage timers and its tracer (null when tracing is off). */
    public record Instruments(java.util.function.Function<String, Timer> timers, Tracer tracer) {}

    public static final io.grpc.Context.Key<Instruments> INSTRUMENTS = io.grpc.Context.key("shlyuz.stages");

    private Stages() {}

    /** Runs one named part of the current call, timed (and traced when tracing is on). */
    public static <T> T call(String stage, Supplier<T> work) {
        Instruments instruments = INSTRUMENTS.get();
        if (instruments == null) {
            return work.get();
        }
        return timed(stage, instruments.timers().apply(stage), instruments.tracer(), work);
    }

    /** As {@link #call}, with a timer the caller already holds. */
    public static void run(String stage, Timer timer, Runnable work) {
        Instruments instruments = INSTRUMENTS.get();
        timed(stage, timer, instruments == null ? null : instruments.tracer(), () -> {
            work.run();
            return null;
        });
    }

    private static <T> T timed(String stage, Timer timer, Tracer tracer, Supplier<T> work) {
        long start = System.nanoTime();
        Span span =
                tracer == null ? null : tracer.spanBuilder("shlyuz." + stage).startSpan();
        try (Scope ignored = span == null ? Scope.noop() : span.makeCurrent()) {
            return work.get();
        } catch (RuntimeException | Error e) {
            if (span != null) {
                span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            }
            throw e;
        } finally {
            timer.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
            if (span != null) {
                span.end();
            }
        }
    }
}
