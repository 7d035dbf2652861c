package kz.shlyuz.gateway.cluster;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;
import kz.shlyuz.gateway.config.GatewayConfig;

/**
 * This node's part in a cluster of nodes on one database (issue 15): its registration under a
 * unique id with a heartbeat, and the signal of new status messages to its open streams.
 *
 * @param registry the node registry, for the live nodes
 * @param signals the feed signal of the node's streams and engine
 */
public record ClusterNode(NodeRegistry registry, FeedSignals signals) implements AutoCloseable {
    /**
     * Registers the node (refused when a live node has its id) and starts its feed signal.
     *
     * @param lease after how long without a heartbeat a node counts as dead
     * @param heartbeat how often this node's registry row is refreshed
     * @param safetyPoll how often the feed counter is read when no signal came
     */
    public static ClusterNode join(
            DataSource db,
            GatewayConfig.JournalSettings settings,
            String nodeId,
            Duration lease,
            Duration heartbeat,
            Duration safetyPoll,
            ScheduledExecutorService scheduler) {
        NodeRegistry registry = NodeRegistry.register(db, Clock.systemUTC(), nodeId, lease, heartbeat, scheduler);
        try {
            return new ClusterNode(registry, new FeedSignals(db, settings, scheduler, safetyPoll));
        } catch (RuntimeException e) {
            registry.close();
            throw e;
        }
    }

    /** Stops the signal, then leaves the registry (the id is free at once). */
    @Override
    public void close() {
        try {
            signals.close();
        } finally {
            registry.close();
        }
    }
}
