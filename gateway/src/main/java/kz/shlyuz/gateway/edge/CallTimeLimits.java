package kz.shlyuz.gateway.edge;

import io.grpc.Context;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import kz.shlyuz.gateway.status.Reason;
import kz.shlyuz.gateway.status.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes calls the client lets hang: a call whose request has not fully arrived (half-closed)
 * within {@code readTimeout} is refused with REQUEST_INCOMPLETE — a stream that never sends its
 * message no longer stays open — and a unary call still running after {@code maxCallDuration} is
 * refused with CALL_TOO_LONG, and its context is cancelled, and so any agency call it waits on.
 * Streams of notices and case updates are long by design: after their request they are bounded
 * by the connection's maximum age instead.
 *
 * <p>Needs the call below {@link EnvelopeGuard}, whose call may be closed from this timer's thread.
 * Timers run on real time (they bound real resources), not on the gateway's business clock.
 */
public final class CallTimeLimits implements ServerInterceptor, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CallTimeLimits.class);

    private final Duration readTimeout;
    private final Duration maxCallDuration;
    private final EdgeJournal journal;
    private final Context.Key<String> sender;
    private final ScheduledThreadPoolExecutor timer;

    public CallTimeLimits(
            Duration readTimeout, Duration maxCallDuration, EdgeJournal journal, Context.Key<String> sender) {
        this.readTimeout = readTimeout;
        this.maxCallDuration = maxCallDuration;
        this.journal = journal;
        this.sender = sender;
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "shlyuz-call-timer");
            t.setDaemon(true);
            return t;
        });
        // Nearly every timer is cancelled (the call ends in time): drop them from the queue at once.
        timer.setRemoveOnCancelPolicy(true);
    }

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(
            ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
        // Cancelled when a timer refuses the call, so that the work under it (an agency call) stops too.
        Context.CancellableContext context = Context.current().withCancellation();
        Watch watch = new Watch(call, sender.get(), journal.now(), System.nanoTime(), context);
        watch.arm(readTimeout, Reason.REQUEST_INCOMPLETE);
        ServerCall.Listener<Q> delegate = io.grpc.Contexts.interceptCall(context, call, headers, next);
        boolean unary = call.getMethodDescriptor().getType() == MethodDescriptor.MethodType.UNARY;
        return new SimpleForwardingServerCallListener<>(delegate) {
            @Override
            public void onHalfClose() {
                if (unary) {
                    watch.arm(maxCallDuration.minusNanos(System.nanoTime() - watch.startNanos), Reason.CALL_TOO_LONG);
                } else {
                    watch.disarm();
                }
                super.onHalfClose();
            }

            @Override
            public void onCancel() {
                watch.disarm();
                super.onCancel();
                context.cancel(null);
            }

            @Override
            public void onComplete() {
                watch.disarm();
                super.onComplete();
                context.cancel(null);
            }
        };
    }

    /** One call's pending timer. */
    private final class Watch {
        private final ServerCall<?, ?> call;
        private final String system;
        private final Instant received;
        private final long startNanos;
        private final Context.CancellableContext context;
        private ScheduledFuture<?> pending;
        private boolean done;

        Watch(
                ServerCall<?, ?> call,
                String system,
                Instant received,
                long startNanos,
                Context.CancellableContext context) {
            this.context = context;
            this.call = call;
            this.system = system;
            this.received = received;
            this.startNanos = startNanos;
        }

        synchronized void arm(Duration after, Reason reason) {
            if (done) {
                return;
            }
            if (pending != null) {
                pending.cancel(false);
            }
            Duration limit = reason == Reason.REQUEST_INCOMPLETE ? readTimeout : maxCallDuration;
            pending = timer.schedule(() -> expire(reason, limit), Math.max(after.toNanos(), 0), TimeUnit.NANOSECONDS);
        }

        synchronized void disarm() {
            done = true;
            if (pending != null) {
                pending.cancel(false);
                pending = null;
            }
        }

        private void expire(Reason reason, Duration limit) {
            synchronized (this) {
                if (done) {
                    return;
                }
                done = true;
            }
            String id = EdgeJournal.newId();
            Refusal refusal = new Refusal(reason, shown(limit), Map.of("journal_id", id), null);
            journal.refused(
                    system, id, null, call.getMethodDescriptor().getFullMethodName(), refusal, received, startNanos);
            try {
                EdgeStatus.close(call, refusal, null);
            } catch (RuntimeException e) {
                // The call ended on its own meanwhile; nothing is left to close.
                log.debug("call ended before its {} timer", reason, e);
            } finally {
                context.cancel(null);
            }
        }
    }

    private static String shown(Duration d) {
        return d.toMillis() % 1000 == 0
                ? Long.toString(d.toSeconds())
                : String.format(java.util.Locale.ROOT, "%.3f", d.toMillis() / 1000.0);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
