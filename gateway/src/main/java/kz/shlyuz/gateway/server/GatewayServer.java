package kz.shlyuz.gateway.server;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import kz.shlyuz.certs.cms.SignerKey;
import kz.shlyuz.certs.cms.TimeStamper;
import kz.shlyuz.certs.tls.TlsFiles;
import kz.shlyuz.gateway.config.GatewayConfig;
import kz.shlyuz.gateway.edge.ConnectionLimits;
import kz.shlyuz.gateway.edge.RateLimiter;
import kz.shlyuz.gateway.journal.GroupCommitJournal;
import kz.shlyuz.gateway.journal.JdbcJournal;
import kz.shlyuz.gateway.journal.Journal;
import kz.shlyuz.gateway.journal.JournalDatabase;
import kz.shlyuz.gateway.routing.AgencyClients;
import kz.shlyuz.gateway.services.Services;
import kz.shlyuz.gateway.signature.TrustSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running gateway: a mutual-TLS gRPC server with {@code shlyuz.v1.Gateway}, health and
 * reflection, over the journal and the agency clients. {@link #close()} shuts down in order:
 * health NOT_SERVING, stop accepting, let in-flight calls finish within the grace period, then
 * force, then close the outbound channels and the journal.
 */
public final class GatewayServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GatewayServer.class);

    private final GatewayListener listener;
    private final AgencyClients agencies;
    private final Journal journal;
    private final Duration grace;
    private final AutoCloseable processes;
    private kz.shlyuz.gateway.evidence.EvidenceLog evidence;
    private kz.shlyuz.gateway.evidence.EvidenceArchiver archiver;
    private kz.shlyuz.gateway.retention.CaseRetention retention;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private kz.shlyuz.gateway.ops.Operations operations;
    private kz.shlyuz.gateway.cluster.ClusterNode cluster;
    private kz.shlyuz.gateway.console.Console console;
    private kz.shlyuz.gateway.outbox.OutboxWorker outbox;

    private GatewayServer(
            GatewayListener listener,
            AgencyClients agencies,
            Journal journal,
            Duration grace,
            AutoCloseable processes) {
        this.processes = processes;
        this.listener = listener;
        this.agencies = agencies;
        this.journal = journal;
        this.grace = grace;
    }

    /** Everything the gateway needs besides its configuration: keys, trust and the clock. */
    public record Material(
            TlsFiles tls, TrustSource trust, SignerKey gatewaySigningKey, Clock clock, TimeStamper timeStamper) {
        /** Without a TSA: the gateway's own signatures carry no time-stamp. */
        public Material(TlsFiles tls, TrustSource trust, SignerKey gatewaySigningKey, Clock clock) {
            this(tls, trust, gatewaySigningKey, clock, null);
        }
    }

    /**
     * How this node runs processes (issue 3).
     *
     * @param clock the one clock of deadlines and timers: the system clock in production, an
     *     adjustable one in tests, a scaled one only for {@code serve --time-scale} in development
     * @param pollInterval how often the outbox looks for new work
     * @param lease how long a leased outbox row is this node's without a heartbeat: how soon
     *     another node takes over the work of a node that died (issue 15); also how long a dead
     *     node's id stays reserved in the node registry
     * @param nodeId this node's name in leases, evidence and the node registry: unique among the
     *     live nodes on one database (a duplicate is refused at start)
     * @param workers outbox calls in parallel
     * @param heartbeat how often the leases of rows in flight and this node's registry row are
     *     renewed; shorter than {@code lease} (default: a third of it)
     * @param streamSafetyPoll how often the status and notice streams' signal is checked against
     *     the database when no signal came (one query per node, whatever the number of streams)
     */
    public record Processes(
            Clock clock,
            Duration pollInterval,
            Duration lease,
            String nodeId,
            int workers,
            Duration heartbeat,
            Duration streamSafetyPoll) {
        /** The lease a node keeps its outbox rows by without a heartbeat (issue 15). */
        public static final Duration DEFAULT_LEASE = Duration.ofSeconds(10);
        /** See {@link kz.shlyuz.gateway.cluster.FeedSignals}: covers a lost notification. */
        public static final Duration DEFAULT_STREAM_SAFETY_POLL = Duration.ofSeconds(5);

        /** With the heartbeat at a third of the lease and the default stream safety poll. */
        public Processes(Clock clock, Duration pollInterval, Duration lease, String nodeId, int workers) {
            this(clock, pollInterval, lease, nodeId, workers, lease.dividedBy(3), DEFAULT_STREAM_SAFETY_POLL);
        }

        public static Processes defaults(Clock clock) {
            return new Processes(
                    clock,
                    Duration.ofMillis(100),
                    DEFAULT_LEASE,
                    "node-" + java.util.UUID.randomUUID().toString().substring(0, 8),
                    8);
        }

        /** The same with another lease and heartbeat. */
        public Processes withLease(Duration lease, Duration heartbeat) {
            return new Processes(clock, pollInterval, lease, nodeId, workers, heartbeat, streamSafetyPoll);
        }

        /** The same with another stream safety poll. */
        public Processes withStreamSafetyPoll(Duration poll) {
            return new Processes(clock, pollInterval, lease, nodeId, workers, heartbeat, poll);
        }
    }

    public static GatewayServer start(GatewayConfig config, Material material) throws IOException {
        return start(config, material, Processes.defaults(material.clock()));
    }

    public static GatewayServer start(GatewayConfig config, Material material, Processes processes) throws IOException {
        kz.shlyuz.gateway.evidence.DataDirectory.secure(
                config.dataDir(), config.journal().jdbcUrl());
        var dataSource = JournalDatabase.open(config.journal());
        // Metrics, tracing, health and maintenance (issue 12) observe the parts built below.
        kz.shlyuz.gateway.ops.Operations ops = new kz.shlyuz.gateway.ops.Operations(
                config, Services.standard().ids(), material.clock(), processes.clock());
        kz.shlyuz.gateway.evidence.DataDirectory.secure(
                config.dataDir(), config.journal().jdbcUrl());
        kz.shlyuz.gateway.evidence.EvidenceLog evidence;
        try {
            evidence = kz.shlyuz.gateway.evidence.EvidenceLog.open(
                    config.evidence(),
                    dataSource,
                    config.journal().jdbcUrl(),
                    EvidenceStamper.of(config, material),
                    processes.clock(),
                    config.limits().agencyDeadline(),
                    processes.nodeId());
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        // Appends commit in groups (one transaction and disk sync for the calls finishing together).
        Journal journal = ops.observe(new GroupCommitJournal(
                new JdbcJournal(dataSource, config.limits().agencyDeadline().multipliedBy(4), dataSource),
                dataSource,
                config.journal().jdbcUrl(),
                config.limits().agencyDeadline()));
        kz.shlyuz.gateway.evidence.EvidenceArchiver archiver = new kz.shlyuz.gateway.evidence.EvidenceArchiver(
                dataSource, config.evidence(), evidence.nodeId(), processes.clock());
        AgencyClients agencies = new AgencyClients(
                config.adapters(), material.tls(), config.limits().agencyDeadline(), ops.clientInterceptor());
        GatewayWiring.Wired wired = null;
        // Issue 14: every journaled call also counts in the console's per-minute traffic ring.
        var traffic = new kz.shlyuz.gateway.console.data.TrafficRing(material.clock());
        ops.onJournalEntry(traffic::record);
        try {
            wired = GatewayWiring.wire(
                    config, material, processes, dataSource, ops, journal, agencies, evidence, archiver, traffic);
            GatewayListener listener = wired.listener();
            TrustSource trust = wired.trust();
            listener.markServing();
            GatewayServer running = new GatewayServer(
                    listener, agencies, journal, config.limits().shutdownGrace(), wired.processing());
            running.evidence = evidence;
            running.archiver = archiver;
            running.retention = wired.retention();
            running.operations = ops;
            running.cluster = wired.cluster();
            running.console = wired.console();
            running.outbox = wired.outbox();
            // Readiness decides SERVING from here on: maintenance, a dead thread or a lost dependency.
            ops.start(
                    dataSource,
                    trust,
                    material.tls(),
                    material.gatewaySigningKey().certificate(),
                    config.signerRules().ocsp().enabled()
                            ? config.signerRules().ocsp().responder()
                            : null,
                    material.timeStamper() != null,
                    running::serving);
            return running;
        } catch (IOException | RuntimeException e) {
            if (wired != null) {
                wired.closeBuilt();
            }
            evidence.close();
            agencies.close();
            journal.close();
            ops.close();
            throw e;
        }
    }

    public int port() {
        return listener.port();
    }

    /** The nodes sharing this gateway's database, with their heartbeats (for /health and doctor; issue 15). */
    public kz.shlyuz.gateway.cluster.NodeRegistry nodes() {
        return cluster.registry();
    }

    /** This node's signal of new status messages to its open streams (issue 15). */
    public kz.shlyuz.gateway.cluster.FeedSignals feedSignals() {
        return cluster.signals();
    }

    /** The operator console and management API (issue 14), or null when {@code console.enabled} is off. */
    public kz.shlyuz.gateway.console.Console console() {
        return console;
    }

    /** This node's outbox worker: the agency calls and timers of running cases (hold and resume it for drills). */
    public kz.shlyuz.gateway.outbox.OutboxWorker outbox() {
        return outbox;
    }

    /** Metrics, health, maintenance and the admin listener of this gateway. */
    public kz.shlyuz.gateway.ops.Operations operations() {
        return operations;
    }

    /** gRPC health of every service follows the node's readiness (until shutdown makes it terminal). */
    private void serving(boolean serving) {
        if (closed.get()) {
            return;
        }
        listener.serving(serving);
    }

    public Journal journal() {
        return journal;
    }

    /** Per-sender rate limits and quotas, with their refusal counts (for metrics). */
    public RateLimiter rateLimiter() {
        return listener.rateLimiter();
    }

    /** Open connections, in total and per client-certificate identity (for metrics). */
    public ConnectionLimits connections() {
        return listener.connections();
    }

    /** The evidence archive: its time-stamping state (for health and doctor), stamping on demand. */
    public kz.shlyuz.gateway.evidence.EvidenceLog evidence() {
        return evidence;
    }

    /** Moves records past retention to archive files (runs by itself every minute when due). */
    public kz.shlyuz.gateway.evidence.EvidenceArchiver archiver() {
        return archiver;
    }

    /** Destroys case files past retention by a recorded act (runs by itself every minute when due; issue 11.9). */
    public kz.shlyuz.gateway.retention.CaseRetention retention() {
        return retention;
    }

    public void awaitTermination() throws InterruptedException {
        listener.awaitTermination();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            listener.shutdown(grace);
        } finally {
            try {
                processes.close();
            } catch (Exception e) {
                log.warn("stopping the process workers failed", e);
            }
            agencies.close();
            journal.close();
            if (operations != null) {
                operations.close();
            }
        }
    }
}
