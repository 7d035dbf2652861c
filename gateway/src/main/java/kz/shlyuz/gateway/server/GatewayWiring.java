package kz.shlyuz.gateway.server;

import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import kz.shlyuz.certs.cms.CmsSigner;
import kz.shlyuz.gateway.admission.RequestAdmission;
import kz.shlyuz.gateway.cabinet.CabinetService;
import kz.shlyuz.gateway.cabinet.CaseQueries;
import kz.shlyuz.gateway.calendar.KazakhstanCalendar;
import kz.shlyuz.gateway.call.AgencyAnswerVerifier;
import kz.shlyuz.gateway.call.ResponseSigner;
import kz.shlyuz.gateway.call.SyncCallHandler;
import kz.shlyuz.gateway.config.GatewayConfig;
import kz.shlyuz.gateway.evidence.EvidenceArchiver;
import kz.shlyuz.gateway.evidence.EvidenceLog;
import kz.shlyuz.gateway.journal.Journal;
import kz.shlyuz.gateway.notices.NoticeService;
import kz.shlyuz.gateway.notices.NoticeStore;
import kz.shlyuz.gateway.ops.Operations;
import kz.shlyuz.gateway.outbox.OutboxWorker;
import kz.shlyuz.gateway.process.ProcessEngine;
import kz.shlyuz.gateway.routing.AgencyClients;
import kz.shlyuz.gateway.seal.AnswerSealer;
import kz.shlyuz.gateway.services.Services;
import kz.shlyuz.gateway.signature.SignatureVerifier;
import kz.shlyuz.gateway.signature.TrustSource;
import kz.shlyuz.gateway.submit.SubmitHandler;

/**
 * Wires the request path and the process layer over the journal, the evidence log and the agency
 * clients that {@link GatewayServer#start} opened: verifier, admission, handlers, the listener with
 * its services, the outbox worker and the background jobs; and says how to stop them, in order.
 */
final class GatewayWiring {
    /** Most answers under one batch seal: proofs stay at most 10 steps. */
    private static final int SEAL_MAX_BATCH = 1024;

    private GatewayWiring() {}

    /**
     * What was wired.
     *
     * @param processing stops the workers, the sealer, the background jobs, the listener's edge and
     *     the evidence log, in that order
     */
    record Wired(
            GatewayListener listener,
            AnswerSealer sealer,
            TrustSource trust,
            kz.shlyuz.gateway.cluster.ClusterNode cluster,
            AutoCloseable processing,
            kz.shlyuz.gateway.console.Console console,
            kz.shlyuz.gateway.retention.CaseRetention retention,
            OutboxWorker outbox) {
        /** On a failed start after wiring: the node leaves the registry, the sealer and the listener's edge close. */
        void closeBuilt() {
            if (console != null) {
                console.close();
            }
            cluster.close();
            sealer.close();
            listener.closeEdge();
        }
    }

    static Wired wire(
            GatewayConfig config,
            GatewayServer.Material material,
            GatewayServer.Processes processes,
            DataSource dataSource,
            Operations ops,
            Journal journal,
            AgencyClients agencies,
            EvidenceLog evidence,
            EvidenceArchiver archiver,
            kz.shlyuz.gateway.console.data.TrafficRing traffic)
            throws IOException {
        AnswerSealer sealer = null;
        GatewayListener listener = null;
        kz.shlyuz.gateway.cluster.ClusterNode cluster = null;
        kz.shlyuz.gateway.console.Console console = null;
        try {
            TrustSource trust = SignatureTrust.of(config.signerRules(), material.trust(), material.clock());
            SignatureVerifier verifier = new SignatureVerifier(
                    trust,
                    material.clock(),
                    SignatureTrust.policy(config),
                    config.bounds().signature(),
                    ops.signatureEvents());
            RequestAdmission admission = new RequestAdmission(config, Services.standard(), verifier, material.clock());
            CmsSigner gatewaySigner = material.timeStamper() == null
                    ? new CmsSigner(material.clock())
                    : new CmsSigner(material.clock()).withTimeStamps(ops.observe(material.timeStamper()));
            sealer = new AnswerSealer(
                    gatewaySigner,
                    material.gatewaySigningKey(),
                    material.clock(),
                    SEAL_MAX_BATCH,
                    config.limits().agencyDeadline());
            // Answers per signature: what the batch seal saves, and what splitting load over nodes costs it.
            io.micrometer.core.instrument.FunctionCounter.builder("shlyuz.seal.batches", sealer, AnswerSealer::batches)
                    .description("Answer-seal batches signed (one signature and time-stamp each)")
                    .register(ops.metrics().registry());
            io.micrometer.core.instrument.FunctionCounter.builder("shlyuz.seal.answers", sealer, AnswerSealer::sealed)
                    .description("Answers sealed in batches")
                    .register(ops.metrics().registry());
            SyncCallHandler calls = new SyncCallHandler(
                    admission,
                    journal,
                    agencies,
                    verifier,
                    new ResponseSigner(gatewaySigner, material.gatewaySigningKey(), sealer),
                    config::sender,
                    material.clock(),
                    evidence);

            ScheduledExecutorService streams = Executors.newScheduledThreadPool(2, r -> {
                Thread t = new Thread(r, "shlyuz-streams");
                t.setDaemon(true);
                return t;
            });
            // Issue 15: this node's id is unique among the live nodes; its streams read when signalled.
            cluster = kz.shlyuz.gateway.cluster.ClusterNode.join(
                    dataSource,
                    config.journal(),
                    processes.nodeId(),
                    processes.lease(),
                    processes.heartbeat(),
                    processes.streamSafetyPoll(),
                    streams);
            var signals = cluster.signals();
            ProcessEngine engine = new ProcessEngine(
                    dataSource,
                    Services.standard(),
                    processes.clock(),
                    config.process().calendarFile() == null
                            ? new KazakhstanCalendar()
                            : new KazakhstanCalendar(kz.shlyuz.gateway.calendar.CalendarYears.shippedWith(
                                    config.process().calendarFile())),
                    retryPolicy(config.process().retry()),
                    Clock.systemUTC(),
                    new java.security.SecureRandom(),
                    // Issue 11.8: the registers and the stage reports are written with each case.
                    kz.shlyuz.gateway.registers.CaseRecordsSignal.around(signals, config.records(), Clock.systemUTC()));
            SubmitHandler submits = new SubmitHandler(admission, engine, journal, material.clock(), evidence);
            java.util.function.Predicate<String> known =
                    sender -> config.sender(sender).isPresent();

            listener = GatewayListener.start(
                    config,
                    material.tls(),
                    material.clock(),
                    journal,
                    ops,
                    new GatewayService(calls, submits),
                    new CabinetService(
                            new CaseQueries(dataSource, processes.clock()),
                            streams,
                            signals,
                            known,
                            ops.metrics().registry()),
                    new NoticeService(new NoticeStore(dataSource), streams, signals, known, processes.clock()));
            // Issue 14: the operator console and management API, when console.enabled.
            console = kz.shlyuz.gateway.console.Console.start(
                    config, material.tls(), dataSource, ops, engine, traffic, processes.clock());
            // Work left by an earlier run (or another node) is picked up from the outbox at once.
            OutboxWorker worker = new OutboxWorker(
                    engine,
                    agencies,
                    new AgencyAnswerVerifier(verifier),
                    processes.nodeId(),
                    processes.lease(),
                    processes.heartbeat(),
                    processes.pollInterval(),
                    processes.workers(),
                    evidence);
            // Records past retention leave the database for archive files (process clock).
            java.util.concurrent.ScheduledFuture<?> archiving =
                    streams.scheduleWithFixedDelay(archiver::runIfDue, 1, 1, TimeUnit.MINUTES);
            // Issue 11.8: stage reports go to the monitoring system on their own worker, never in a case's way.
            kz.shlyuz.gateway.monitoring.StageReporter reporter =
                    config.records().monitoring().enabled()
                            ? new kz.shlyuz.gateway.monitoring.StageReporter(
                                    dataSource,
                                    agencies,
                                    new AgencyAnswerVerifier(verifier),
                                    config.records().monitoring(),
                                    processes.nodeId(),
                                    processes.lease(),
                                    Clock.systemUTC())
                            : null;
            // Issue 11.9: case files past retention are destroyed by a recorded act (process clock).
            kz.shlyuz.gateway.retention.CaseRetention retention = new kz.shlyuz.gateway.retention.CaseRetention(
                    dataSource,
                    new kz.shlyuz.gateway.retention.RetentionRules(
                            config.evidence().retention()),
                    config.records().retention(),
                    processes.clock(),
                    "shlyuz node " + processes.nodeId());
            java.util.concurrent.ScheduledFuture<?> destroying =
                    streams.scheduleWithFixedDelay(retention::runIfDue, 1, 1, TimeUnit.MINUTES);
            AnswerSealer answerSealer = sealer;
            GatewayListener edge = listener;
            kz.shlyuz.gateway.cluster.ClusterNode node = cluster;
            kz.shlyuz.gateway.console.Console operatorConsole = console;
            AutoCloseable processing = () -> {
                if (operatorConsole != null) {
                    operatorConsole.close();
                }
                worker.close();
                if (reporter != null) {
                    reporter.close();
                }
                destroying.cancel(false);
                engine.close(); // commits the step results and Submits still queued for the group writer
                answerSealer.close();
                archiving.cancel(false);
                node.close(); // after the worker: its leases are no longer renewed
                streams.shutdownNow();
                edge.closeEdge();
                evidence.close();
            };
            return new Wired(listener, sealer, trust, cluster, processing, console, retention, worker);
        } catch (IOException | RuntimeException e) {
            if (console != null) {
                console.close();
            }
            if (cluster != null) {
                cluster.close();
            }
            if (sealer != null) {
                sealer.close();
            }
            if (listener != null) {
                listener.closeEdge();
            }
            throw e;
        }
    }

    /** The process layer's retry policy from {@code process.retry}; jitter draws on its own generator. */
    static kz.shlyuz.gateway.process.RetryPolicy retryPolicy(kz.shlyuz.gateway.config.ProcessSettings.Retry retry) {
        return new kz.shlyuz.gateway.process.RetryPolicy(
                retry.maxAttempts(),
                new kz.shlyuz.gateway.process.RetryPolicy.Exponential(
                        retry.firstDelay(),
                        retry.maxDelay(),
                        retry.jitter(),
                        retry.jitter() == 0 ? null : new java.util.Random()));
    }
}
