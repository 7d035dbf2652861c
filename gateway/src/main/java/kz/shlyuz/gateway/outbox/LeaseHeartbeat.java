package kz.shlyuz.gateway.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import kz.shlyuz.gateway.process.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The heartbeat of the outbox rows a node has in flight (issue 15): every {@code heartbeat} each
 * row still in flight stays this node's for another lease from now, so a slow agency call keeps
 * its row under a short lease, while a dead node's rows run out one lease after its last beat.
 */
final class LeaseHeartbeat implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LeaseHeartbeat.class);

    private final ProcessEngine engine;
    private final String owner;
    private final Duration lease;
    private final Set<Long> inFlight;
    private final ScheduledExecutorService beats;

    /**
     * @param inFlight the worker's rows in flight, read at every beat
     * @throws IllegalArgumentException when {@code heartbeat} is not shorter than {@code lease}
     */
    LeaseHeartbeat(ProcessEngine engine, String owner, Duration lease, Duration heartbeat, Set<Long> inFlight) {
        if (heartbeat.isZero() || heartbeat.isNegative() || heartbeat.compareTo(lease) >= 0) {
            throw new IllegalArgumentException(
                    "outbox heartbeat " + heartbeat + " must be positive and shorter " + "than the lease " + lease);
        }
        this.engine = engine;
        this.owner = owner;
        this.lease = lease;
        this.inFlight = inFlight;
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
        List<Long> ids = List.copyOf(inFlight);
        if (ids.isEmpty()) {
            return;
        }
        try {
            int renewed = engine.renew(owner, ids, lease);
            if (renewed < ids.size()) {
                log.debug("outbox heartbeat: {} of {} rows in flight renewed (the rest finished)", renewed, ids.size());
            }
        } catch (RuntimeException e) {
            // The next beat tries again; with the default a lease runs out only after three missed beats.
            log.warn("outbox heartbeat failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        beats.shutdownNow();
    }
}
