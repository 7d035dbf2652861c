package kz.shlyuz.gateway.server;

import io.grpc.Grpc;
import io.grpc.Server;
import io.grpc.ServerCredentials;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.TlsServerCredentials;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionService;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import kz.shlyuz.certs.cms.CmsSigner;
import kz.shlyuz.certs.cms.SignerKey;
import kz.shlyuz.certs.cms.TimeStamper;
import kz.shlyuz.gateway.admission.RequestAdmission;
import kz.shlyuz.gateway.call.ResponseSigner;
import kz.shlyuz.gateway.seal.AnswerSealer;
import kz.shlyuz.gateway.call.SyncCallHandler;
import kz.shlyuz.gateway.call.AgencyAnswerVerifier;
import kz.shlyuz.gateway.cabinet.CabinetService;
import kz.shlyuz.gateway.cabinet.CaseQueries;
import kz.shlyuz.gateway.calendar.KazakhstanCalendar;
import kz.shlyuz.gateway.notices.NoticeService;
import kz.shlyuz.gateway.notices.NoticeStore;
import kz.shlyuz.gateway.outbox.OutboxWorker;
import kz.shlyuz.gateway.process.ProcessEngine;
import kz.shlyuz.gateway.submit.SubmitHandler;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import kz.shlyuz.gateway.config.GatewayConfig;
import kz.shlyuz.certs.tls.TlsFiles;
import kz.shlyuz.gateway.edge.CallTimeLimits;
import kz.shlyuz.gateway.edge.ConnectionLimits;
import kz.shlyuz.gateway.edge.EdgeJournal;
import kz.shlyuz.gateway.edge.EnvelopeGuard;
import kz.shlyuz.gateway.edge.RateLimitInterceptor;
import kz.shlyuz.gateway.edge.RateLimiter;
import kz.shlyuz.gateway.edge.TransportLimits;
import kz.shlyuz.gateway.journal.GroupCommitJournal;
import kz.shlyuz.gateway.journal.JdbcJournal;
import kz.shlyuz.gateway.journal.Journal;
import kz.shlyuz.gateway.journal.JournalDatabase;
import kz.shlyuz.gateway.routing.AgencyClients;
import kz.shlyuz.gateway.services.Services;
import kz.shlyuz.gateway.signature.SignatureVerifier;
import kz.shlyuz.gateway.signature.TrustSource;
import kz.shlyuz.gateway.status.RefusalInterceptor;
import kz.shlyuz.proto.v1.GatewayGrpc;
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
    /** Most answers under one batch seal: proofs stay at most 10 steps. */
    private static final int SEAL_MAX_BATCH = 1024;

    private final Server server;
    private final HealthStatusManager health;
    private final AgencyClients agencies;
    private final Journal journal;
    private final Duration grace;
    private final AutoCloseable processes;
    private kz.shlyuz.gateway.evidence.EvidenceLog evidence;
    private kz.shlyuz.gateway.evidence.EvidenceArchiver archiver;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private kz.shlyuz.gateway.ops.Operations operations;

    private final RateLimiter rateLimiter;
    private final ConnectionLimits connections;

    private GatewayServer(Server server, HealthStatusManager health, AgencyClients agencies, Journal journal,
            Duration grace, AutoCloseable processes, RateLimiter rateLimiter, ConnectionLimits connections) {
        this.rateLimiter = rateLimiter;
        this.connections = connections;
        this.processes = processes;
        this.server = server;
        this.health = health;
        this.agencies = agencies;
        this.journal = journal;
        this.grace = grace;
    }

    /** Everything the gateway needs besides its configuration: keys, trust and the clock. */
    public record Material(TlsFiles tls, TrustSource trust, SignerKey gatewaySigningKey, Clock clock,
            TimeStamper timeStamper) {
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
     * @param pollInterval how often the outbox and the status streams look for new work
     * @param lease how long a leased outbox row is this node's before another node may retake it
     * @param nodeId this node's name in leases
     * @param workers outbox calls in parallel
     */
    public record Processes(Clock clock, Duration pollInterval, Duration lease, String nodeId, int workers) {
        public static Processes defaults(Clock clock) {
            return new Processes(clock, Duration.ofMillis(100), Duration.ofSeconds(30),
                    "node-" + java.util.UUID.randomUUID().toString().substring(0, 8), 8);
        }
    }

    public static GatewayServer start(GatewayConfig config, Material material) throws IOException {
        return start(config, material, Processes.defaults(material.clock()));
    }

    public static GatewayServer start(GatewayConfig config, Material material, Processes processes)
            throws IOException {
        kz.shlyuz.gateway.evidence.DataDirectory.secure(config.dataDir(), config.journal().jdbcUrl());
        var dataSource = JournalDatabase.open(config.journal());
        // Metrics, tracing, health and maintenance (issue 12) observe the parts built below.
        kz.shlyuz.gateway.ops.Operations ops = new kz.shlyuz.gateway.ops.Operations(config,
                Services.standard().ids(), material.clock(), processes.clock());
        kz.shlyuz.gateway.evidence.DataDirectory.secure(config.dataDir(), config.journal().jdbcUrl());
        kz.shlyuz.gateway.evidence.EvidenceLog evidence;
        try {
            evidence = kz.shlyuz.gateway.evidence.EvidenceLog.open(config.evidence(), dataSource,
                    config.journal().jdbcUrl(), evidenceStamper(config, material), processes.clock(),
                    config.limits().agencyDeadline(), processes.nodeId());
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        // Appends commit in groups (one transaction and disk sync for the calls finishing together).
        Journal journal = ops.observe(new GroupCommitJournal(
                new JdbcJournal(dataSource, config.limits().agencyDeadline().multipliedBy(4), dataSource),
                dataSource, config.journal().jdbcUrl(), config.limits().agencyDeadline()));
        kz.shlyuz.gateway.evidence.EvidenceArchiver archiver = new kz.shlyuz.gateway.evidence.EvidenceArchiver(
                dataSource, config.evidence(), evidence.nodeId(), processes.clock());
        AgencyClients agencies = new AgencyClients(config.adapters(), material.tls(), config.limits().agencyDeadline(),
                ops.clientInterceptor());
        AnswerSealer sealer = null;
        RateLimiter rateLimiter;
        CallTimeLimits callTimes = null;
        TransportLimits transportLimits = null;
        try {
            TrustSource trust = SignatureTrust.of(config.signerRules(), material.trust(), material.clock());
            SignatureVerifier verifier = new SignatureVerifier(trust, material.clock(), SignatureTrust.policy(config),
                    config.bounds().signature());
            RequestAdmission admission = new RequestAdmission(config, Services.standard(), verifier,
                    material.clock());
            CmsSigner gatewaySigner = material.timeStamper() == null ? new CmsSigner(material.clock())
                    : new CmsSigner(material.clock()).withTimeStamps(ops.observe(material.timeStamper()));
            sealer = new AnswerSealer(gatewaySigner, material.gatewaySigningKey(), material.clock(),
                    SEAL_MAX_BATCH, config.limits().agencyDeadline());
            SyncCallHandler calls = new SyncCallHandler(admission, journal, agencies, verifier,
                    new ResponseSigner(gatewaySigner, material.gatewaySigningKey(), sealer), config::sender,
                    material.clock(), evidence);

            ProcessEngine engine = new ProcessEngine(dataSource, Services.standard(), processes.clock(),
                    new KazakhstanCalendar());
            SubmitHandler submits = new SubmitHandler(admission, engine, journal, material.clock(), evidence);
            ScheduledExecutorService streams = Executors.newScheduledThreadPool(2, r -> {
                Thread t = new Thread(r, "shlyuz-streams");
                t.setDaemon(true);
                return t;
            });
            java.util.function.Predicate<String> known = sender -> config.sender(sender).isPresent();

            HealthStatusManager health = new HealthStatusManager();
            ServerCredentials credentials = TlsServerCredentials.newBuilder()
                    .keyManager(material.tls().certificateChain().toFile(), material.tls().privateKey().toFile())
                    .trustManager(material.tls().trust().toFile())
                    .clientAuth(TlsServerCredentials.ClientAuth.REQUIRE)
                    .build();
            // The edge (issue 9): identity, rate limits, stalled and overlong calls, malformed envelopes,
            // HTTP/2 and connection limits. Interceptors run last-listed first: sender, rate, timers.
            EdgeJournal edgeJournal = new EdgeJournal(journal, material.clock());
            rateLimiter = new RateLimiter(config.edge(), material.clock());
            callTimes = new CallTimeLimits(config.edge().transport().readTimeout(),
                    config.edge().transport().maxCallDuration(), edgeJournal, SenderInterceptor.SENDER);
            ServerInterceptor senders = new SenderInterceptor(edgeJournal);
            ServerInterceptor rates = new RateLimitInterceptor(rateLimiter, edgeJournal, SenderInterceptor.SENDER);
            NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress(config.host(), config.port()), credentials)
                    .addService(EnvelopeGuard.wrap(ServerInterceptors.intercept(new GatewayService(calls, submits),
                            new RefusalInterceptor(), new AnswerFormInterceptor(), callTimes, rates, senders, ops.serverInterceptor()),
                            edgeJournal))
                    .addService(EnvelopeGuard.wrap(ServerInterceptors.intercept(new CabinetService(
                            new CaseQueries(dataSource, processes.clock()), streams, processes.pollInterval(), known),
                            new RefusalInterceptor(), callTimes, rates, senders, ops.serverInterceptor()), edgeJournal))
                    .addService(EnvelopeGuard.wrap(ServerInterceptors.intercept(new NoticeService(
                            new NoticeStore(dataSource), streams, processes.pollInterval(), known, processes.clock()),
                            new RefusalInterceptor(), callTimes, rates, senders, ops.serverInterceptor()), edgeJournal))
                    .addService(health.getHealthService())
                    .addService(ProtoReflectionService.newInstance())
                    .handshakeTimeout(10, TimeUnit.SECONDS);
            transportLimits = TransportLimits.apply(builder, config.edge().transport(),
                    config.limits().maxRequestBytes(), config.limits().maxConcurrentCallsPerConnection());
            Server server = builder.build().start();
            // Work left by an earlier run (or another node) is picked up from the outbox at once.
            OutboxWorker worker = new OutboxWorker(engine, agencies, new AgencyAnswerVerifier(verifier),
                    processes.nodeId(), processes.lease(), processes.pollInterval(), processes.workers(), evidence);
            // Records past retention leave the database for archive files (process clock).
            java.util.concurrent.ScheduledFuture<?> archiving = streams.scheduleWithFixedDelay(archiver::runIfDue,
                    1, 1, TimeUnit.MINUTES);
            AnswerSealer answerSealer = sealer;
            CallTimeLimits timers = callTimes;
            TransportLimits transport = transportLimits;
            AutoCloseable processing = () -> {
                worker.close();
                engine.close(); // commits the step results and Submits still queued for the group writer
                answerSealer.close();
                archiving.cancel(false);
                streams.shutdownNow();
                timers.close();
                transport.close();
                evidence.close();
            };
            health.setStatus("", ServingStatus.SERVING);
            health.setStatus(GatewayGrpc.SERVICE_NAME, ServingStatus.SERVING);
            GatewayServer running = new GatewayServer(server, health, agencies, journal,
                    config.limits().shutdownGrace(), processing, rateLimiter, transportLimits.connections());
            running.evidence = evidence;
            running.archiver = archiver;
            running.operations = ops;
            // Readiness decides SERVING from here on: maintenance, a dead thread or a lost dependency.
            ops.start(dataSource, trust, material.tls(), material.gatewaySigningKey().certificate(),
                    SignatureTrust.policy(config).ocsp() == null ? null : SignatureTrust.policy(config).ocsp().responder(),
                    material.timeStamper() != null, running::serving);
            return running;
        } catch (IOException | RuntimeException e) {
            if (sealer != null) {
                sealer.close();
            }
            if (callTimes != null) {
                callTimes.close();
            }
            if (transportLimits != null) {
                transportLimits.close();
            }
            evidence.close();
            agencies.close();
            journal.close();
            ops.close();
            throw e;
        }
    }

    public int port() {
        return server.getPort();
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
        ServingStatus status = serving ? ServingStatus.SERVING : ServingStatus.NOT_SERVING;
        for (String service : new String[] {"", GatewayGrpc.SERVICE_NAME, kz.shlyuz.proto.v1.CabinetGrpc.SERVICE_NAME,
                kz.shlyuz.proto.v1.CompletionNoticesGrpc.SERVICE_NAME}) {
            try {
                health.setStatus(service, status);
            } catch (IllegalStateException e) {
                return; // terminal: the server is shutting down
            }
        }
    }

    public Journal journal() {
        return journal;
    }

    /** Per-sender rate limits and quotas, with their refusal counts (for metrics). */
    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    /** Open connections, in total and per client-certificate identity (for metrics). */
    public ConnectionLimits connections() {
        return connections;
    }

    /** The evidence archive: its time-stamping state (for health and doctor), stamping on demand. */
    public kz.shlyuz.gateway.evidence.EvidenceLog evidence() {
        return evidence;
    }

    /** Moves records past retention to archive files (runs by itself every minute when due). */
    public kz.shlyuz.gateway.evidence.EvidenceArchiver archiver() {
        return archiver;
    }

    /** The authority the evidence chain is stamped by: {@code evidence.tsaUrl}, else the gateway's own. */
    private static kz.shlyuz.certs.cms.TimeStamper evidenceStamper(GatewayConfig config, Material material) {
        if (config.evidence().tsaUrl() != null) {
            return new kz.shlyuz.gateway.evidence.HttpTimeStamper(config.evidence().tsaUrl(), Duration.ofSeconds(5),
                    Duration.ofSeconds(30), material.clock());
        }
        if (material.timeStamper() == null) {
            throw new IllegalArgumentException("evidence.tsaUrl: not set and the gateway has no time-stamper "
                    + "(the evidence chain must be time-stamped)");
        }
        return material.timeStamper();
    }

    public void awaitTermination() throws InterruptedException {
        server.awaitTermination();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        health.enterTerminalState();
        server.shutdown();
        try {
            if (!server.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("in-flight calls did not finish within {}; cancelling them", grace);
                server.shutdownNow();
                server.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            server.shutdownNow();
            Thread.currentThread().interrupt();
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
