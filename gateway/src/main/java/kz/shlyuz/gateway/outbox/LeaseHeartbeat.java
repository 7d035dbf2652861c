package kz.shlyuz.gateway.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The heartbeat of the outbox rows a node has in flight (issue 15): every {@code heartbeat} each
 * row still in flight stays this node's for another lease from now, so a slow agency call keeps
 * its row under a short lease, while a dead node's rows run out one lease after its last beat.
 *
 * <p>A row leased or renewed less than half a heartbeat ago is not renewed yet: it has nearly a
 * whole lease left, and most rows finish within a beat, so under load a beat renews only the few
 * slow ones instead of writing every row the case writer is about to finish. (Measured in the
 * {@code cluster-pg} bench: renewing every row in flight cost 4 ms of lock waits per renewal and
 * deadlocked with the case writer's group commits several times a minute.)
 */
final class LeaseHeartbeat implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LeaseHeartbeat.class);

    /** Renews the given rows' leases for {@code owner}; answers those renewed. */
    @FunctionalInterface
    interface Renewal {
        Set<Long> renew(String owner, List<Long> ids, Duration lease);
    }

    private final Renewal renewal;
    private final String owner;
    private final Duration lease;
    private final Map<Long, Long> inFlight;
    private final long freshNanos;
    private final java.util.function.LongSupplier nanoTime;
    private final ScheduledExecutorService beats;

    /**
     * @param inFlight the worker's rows in flight with when their lease was taken or last renewed
     *     (by {@code nanoTime}), read and updated at every beat
     * @param nanoTime the monotonic clock those times are read from ({@link System#nanoTime})
     * @throws IllegalArgumentException when {@code heartbeat} is not shorter than {@code lease}
     */
    LeaseHeartbeat(
            Renewal renewal,
            String owner,
            Duration lease,
            Duration heartbeat,
            Map<Long, Long> inFlight,
            java.util.function.LongSupplier nanoTime) {
        if (heartbeat.isZero() || heartbeat.isNegative() || heartbeat.compareTo(lease) >= 0) {
            throw new IllegalArgumentException(
                    "outbox heartbeat " + heartbeat + " must be positive and shorter " + "than the lease " + lease);
        }
        this.renewal = renewal;
        this.owner = owner;
        this.lease = lease;
        this.inFlight = inFlight;
        this.freshNanos = heartbeat.toNanos() / 2;
        this.nanoTime = nanoTime;
        this.beats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "shlyuz-outbox-heartbeat");
            t.setDaemon(true);
            return t;
        });
        // beat() catches what it throws: an escaped exception would end the schedule silently.
        var unused = beats.scheduleWithFixedDelay(
                this::beat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void beat() {
        long now = nanoTime.getAsLong();
        List<Long> ids = inFlight.entrySet().stream()
                .filter(row -> now - row.getValue() >= freshNanos)
                .map(Map.Entry::getKey)
                .toList();
        if (ids.isEmpty()) {
            return;
        }
        try {
            Set<Long> renewed = renewal.renew(owner, ids, lease);
            for (long id : renewed) {
                inFlight.computeIfPresent(id, (row, leased) -> now);
            }
            if (renewed.size() < ids.size()) {
                log.debug(
                        "outbox heartbeat: {} of {} rows renewed (the rest finished, or were locked and wait for the "
                                + "next beat)",
                        renewed.size(),
                        ids.size());
            }
        } catch (RuntimeException e) {
            // The next beat tries again; with the default a lease runs out only after two missed beats.
            log.warn("outbox heartbeat failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        beats.shutdownNow();
    }
}
