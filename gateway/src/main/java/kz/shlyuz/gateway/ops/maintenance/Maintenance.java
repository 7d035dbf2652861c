package kz.shlyuz.gateway.ops.maintenance;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maintenance mode: while on, the node drains — readiness answers 503, gRPC health says
 * NOT_SERVING, new calls are refused with MAINTENANCE (UNAVAILABLE, so a client or balancer
 * retries on another node), while calls already running and cases in the outbox finish.
 */
public final class Maintenance {
    private static final Logger log = LoggerFactory.getLogger(Maintenance.class);

    /**
     * Whether maintenance is on, since when and who turned it on.
     *
     * @param since when it was turned on, null while off
     */
    public record State(boolean on, Instant since, String by) {}

    private final Clock clock;
    private final AtomicReference<State> state = new AtomicReference<>(new State(false, null, null));
    private volatile Runnable onChange = () -> {};

    public Maintenance(Clock clock, MeterRegistry registry) {
        this.clock = clock;
        Gauge.builder("shlyuz.maintenance", () -> active() ? 1 : 0)
                .description("1 while the node is in maintenance mode (draining)")
                .register(registry);
    }

    /** Called after every change (health follows at once). */
    public void onChange(Runnable listener) {
        this.onChange = listener;
    }

    public boolean active() {
        return state.get().on();
    }

    public State state() {
        return state.get();
    }

    /**
     * Turns maintenance on or off.
     *
     * @param by who asked (the admin caller's address or certificate), for the log
     */
    public State set(boolean on, String by) {
        State previous = state.get();
        if (previous.on() == on) {
            return previous;
        }
        State next = new State(on, on ? clock.instant() : null, by);
        state.set(next);
        if (on) {
            log.warn(
                    "maintenance mode ON (asked by {}): new calls are refused with MAINTENANCE, readiness is 503, "
                            + "in-flight calls and cases finish",
                    by);
        } else {
            log.warn("maintenance mode OFF (asked by {}): the node serves again", by);
        }
        onChange.run();
        return next;
    }
}
