package kz.shlyuz.gateway.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import kz.shlyuz.gateway.clock.AdjustableClock;
import kz.shlyuz.gateway.config.GatewayConfig;
import kz.shlyuz.gateway.journal.JournalDatabase;
import kz.shlyuz.gateway.storage.StorageBackends;
import org.junit.jupiter.api.Test;

/** Node ids are unique among the live nodes on one database (issue 15); wall time is adjustable here. */
class NodeRegistryTest {
    private static final Duration LEASE = Duration.ofSeconds(10);
    /** Real time: no scheduled beat runs within the test, which drives the beats itself. */
    private static final Duration BEAT = Duration.ofSeconds(9);

    @Test
    void refusesALiveNodesIdAndLetsAStaleOneBeTakenOverOnH2() throws Exception {
        holdsIds(StorageBackends.h2(Files.createTempDirectory("shlyuz-nodes-")));
    }

    @Test
    void refusesALiveNodesIdAndLetsAStaleOneBeTakenOverOnPostgres() throws Exception {
        holdsIds(StorageBackends.postgres());
    }

    private static void holdsIds(GatewayConfig.JournalSettings settings) throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        AdjustableClock wall = new AdjustableClock(Instant.parse("2026-12-01T10:00:00Z"));
        try (HikariDataSource db = JournalDatabase.open(settings)) {
            NodeRegistry a = NodeRegistry.register(db, wall, "node-a", LEASE, BEAT, scheduler);
            NodeRegistry b = NodeRegistry.register(db, wall, "node-b", LEASE, BEAT, scheduler);
            assertEquals(
                    List.of("node-a", "node-b"),
                    a.liveNodes().stream().map(NodeRegistry.Node::nodeId).toList());

            IllegalStateException refused = assertThrows(
                    IllegalStateException.class,
                    () -> NodeRegistry.register(db, wall, "node-a", LEASE, BEAT, scheduler));
            assertTrue(
                    refused.getMessage().contains("node id node-a is in use by a running node"), refused.getMessage());
            assertTrue(refused.getMessage().contains("--node-id"), refused.getMessage());

            // node-a keeps beating, node-b dies (no more beats): after a lease only node-a is live.
            wall.advance(Duration.ofSeconds(6));
            a.beat();
            wall.advance(Duration.ofSeconds(6));
            assertEquals(
                    List.of("node-a"),
                    a.liveNodes().stream().map(NodeRegistry.Node::nodeId).toList());
            assertThrows(
                    IllegalStateException.class,
                    () -> NodeRegistry.register(db, wall, "node-a", LEASE, BEAT, scheduler));
            // node-b restarted under its own id takes it back; the dead instance's late beat changes nothing.
            NodeRegistry restarted = NodeRegistry.register(db, wall, "node-b", LEASE, BEAT, scheduler);
            assertEquals(
                    List.of("node-a", "node-b"),
                    restarted.liveNodes().stream()
                            .map(NodeRegistry.Node::nodeId)
                            .toList());
            wall.advance(Duration.ofMillis(5));
            b.close(); // the old instance leaving does not remove the new one's row
            assertEquals(2, restarted.liveNodes().size());

            // A node that stops cleanly leaves: its id is free at once.
            a.close();
            NodeRegistry again = NodeRegistry.register(db, wall, "node-a", LEASE, BEAT, scheduler);
            again.close();
            restarted.close();
            assertEquals(List.of(), again.liveNodes());
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void refusesAHeartbeatNoShorterThanTheLease() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> NodeRegistry.register(null, java.time.Clock.systemUTC(), "x", LEASE, LEASE, null));
        assertTrue(e.getMessage().contains("shorter than the lease"), e.getMessage());
    }
}
