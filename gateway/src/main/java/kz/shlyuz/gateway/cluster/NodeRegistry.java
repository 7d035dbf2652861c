package kz.shlyuz.gateway.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import kz.shlyuz.gateway.journal.JournalException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nodes sharing one database ({@code node_registry}), each with a heartbeat in wall-clock
 * time. A node registers at start and is refused when a live node already runs under its id:
 * two nodes under one name would renew each other's outbox leases and number evidence as one.
 * A row whose heartbeat is older than {@code staleAfter} belongs to a node that died (its outbox
 * leases have run out by then too); a node restarted under that id takes it over.
 */
public final class NodeRegistry implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(NodeRegistry.class);
    private static final String UNIQUE_VIOLATION = "23505";

    /** One registered node as the registry has it. */
    public record Node(String nodeId, String host, long pid, Instant startedAt, Instant heartbeatAt) {}

    private final DataSource db;
    private final Clock wallClock;
    private final String nodeId;
    private final Duration staleAfter;
    private final Instant startedAt;
    private final ScheduledFuture<?> beats;
    private volatile boolean closed;

    private NodeRegistry(
            DataSource db,
            Clock wallClock,
            String nodeId,
            Duration staleAfter,
            Instant startedAt,
            ScheduledExecutorService scheduler,
            Duration heartbeat) {
        this.db = db;
        this.wallClock = wallClock;
        this.nodeId = nodeId;
        this.staleAfter = staleAfter;
        this.startedAt = startedAt;
        this.beats = scheduler.scheduleWithFixedDelay(
                this::beat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Registers this node and starts its heartbeat on {@code scheduler}.
     *
     * @param staleAfter a heartbeat older than this is a dead node's (the outbox lease)
     * @param heartbeat how often this node's row is refreshed (well below {@code staleAfter})
     * @throws IllegalStateException when a live node already runs under {@code nodeId}
     */
    public static NodeRegistry register(
            DataSource db,
            Clock wallClock,
            String nodeId,
            Duration staleAfter,
            Duration heartbeat,
            ScheduledExecutorService scheduler) {
        if (heartbeat.compareTo(staleAfter) >= 0) {
            throw new IllegalArgumentException(
                    "node heartbeat " + heartbeat + " must be shorter than the lease " + staleAfter);
        }
        // Milliseconds: the row is matched by started_at, and both databases keep at least that.
        Instant now = wallClock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String host = host();
        long pid = ProcessHandle.current().pid();
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                Node existing = null;
                try (PreparedStatement s = c.prepareStatement("SELECT node_id, host, pid, started_at, heartbeat_at "
                        + "FROM node_registry WHERE node_id = ? FOR UPDATE")) {
                    s.setString(1, nodeId);
                    try (ResultSet rs = s.executeQuery()) {
                        if (rs.next()) {
                            existing = node(rs);
                        }
                    }
                }
                if (existing != null && existing.heartbeatAt().plus(staleAfter).isAfter(now)) {
                    throw inUse(existing, staleAfter);
                }
                try (PreparedStatement w = c.prepareStatement(
                        existing == null
                                ? "INSERT INTO node_registry (host, pid, started_at, heartbeat_at, node_id) "
                                        + "VALUES (?, ?, ?, ?, ?)"
                                : "UPDATE node_registry SET host = ?, pid = ?, started_at = ?, heartbeat_at = ? "
                                        + "WHERE node_id = ?")) {
                    w.setString(1, host);
                    w.setLong(2, pid);
                    w.setTimestamp(3, Timestamp.from(now));
                    w.setTimestamp(4, Timestamp.from(now));
                    w.setString(5, nodeId);
                    w.executeUpdate();
                }
                c.commit();
                if (existing != null) {
                    log.info(
                            "node id {} taken over from a stopped node ({} pid {}, last heartbeat {})",
                            nodeId,
                            existing.host(),
                            existing.pid(),
                            existing.heartbeatAt());
                }
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                if (e instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                    // Another node registered the same new id at the same moment.
                    throw new IllegalStateException("node id " + nodeId + " is being registered by another node "
                            + "at this moment: give each node its own --node-id");
                }
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new JournalException("node registry", e);
        }
        return new NodeRegistry(db, wallClock, nodeId, staleAfter, now, scheduler, heartbeat);
    }

    private static IllegalStateException inUse(Node existing, Duration staleAfter) {
        return new IllegalStateException("node id " + existing.nodeId() + " is in use by a running node ("
                + existing.host() + " pid " + existing.pid() + ", last heartbeat " + existing.heartbeatAt()
                + "): give each node its own --node-id; a node restarted after a crash may take its id back "
                + staleAfter.toSeconds() + " s after its last heartbeat");
    }

    /** This node's id. */
    public String nodeId() {
        return nodeId;
    }

    /** The nodes whose heartbeat is fresh, this one included, by id (for /health and doctor). */
    public List<Node> liveNodes() {
        Instant cutoff = wallClock.instant().minus(staleAfter);
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT node_id, host, pid, started_at, heartbeat_at "
                        + "FROM node_registry WHERE heartbeat_at > ? ORDER BY node_id")) {
            s.setTimestamp(1, Timestamp.from(cutoff));
            List<Node> nodes = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    nodes.add(node(rs));
                }
            }
            return nodes;
        } catch (SQLException e) {
            throw new JournalException("node registry", e);
        }
    }

    /** Refreshes this node's heartbeat; public for tests that drive it. */
    public void beat() {
        if (closed) {
            return;
        }
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "UPDATE node_registry SET heartbeat_at = ? WHERE node_id = ? AND started_at = ?")) {
            s.setTimestamp(1, Timestamp.from(wallClock.instant()));
            s.setString(2, nodeId);
            s.setTimestamp(3, Timestamp.from(startedAt));
            if (s.executeUpdate() != 1) {
                // Our row was taken over: we missed heartbeats for longer than the lease (a long pause).
                log.error("node id {}: this node's registration was taken over by another node", nodeId);
            }
        } catch (SQLException | RuntimeException e) {
            log.warn("node {} heartbeat failed: {}", nodeId, e.toString());
        }
    }

    /** Stops the heartbeat and removes this node's row, so a restart may use the id at once. */
    @Override
    public void close() {
        closed = true;
        beats.cancel(false);
        try (Connection c = db.getConnection();
                PreparedStatement s =
                        c.prepareStatement("DELETE FROM node_registry WHERE node_id = ? AND started_at = ?")) {
            s.setString(1, nodeId);
            s.setTimestamp(2, Timestamp.from(startedAt));
            s.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            log.warn("node {} could not leave the registry (its row goes stale): {}", nodeId, e.toString());
        }
    }

    private static Node node(ResultSet rs) throws SQLException {
        return new Node(
                rs.getString(1),
                rs.getString(2),
                rs.getLong(3),
                rs.getTimestamp(4).toInstant(),
                rs.getTimestamp(5).toInstant());
    }

    private static String host() {
        try {
            String name = java.net.InetAddress.getLocalHost().getHostName();
            return name.length() > 255 ? name.substring(0, 255) : name;
        } catch (java.net.UnknownHostException e) {
            return "unknown";
        }
    }
}
