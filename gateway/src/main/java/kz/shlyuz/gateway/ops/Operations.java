package kz.shlyuz.gateway.ops;

import io.grpc.ClientInterceptor;
import io.grpc.ServerInterceptor;
import io.micrometer.core.instrument.Gauge;
import java.io.IOException;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.sql.DataSource;
import kz.shlyuz.certs.cms.TimeStamper;
import kz.shlyuz.certs.tls.TlsFiles;
import kz.shlyuz.gateway.config.GatewayConfig;
import kz.shlyuz.gateway.journal.Journal;
import kz.shlyuz.gateway.ops.admin.AdminServer;
import kz.shlyuz.gateway.ops.admin.AdminTls;
import kz.shlyuz.gateway.ops.grpc.ClientObservation;
import kz.shlyuz.gateway.ops.grpc.ServerObservation;
import kz.shlyuz.gateway.ops.health.FatalErrors;
import kz.shlyuz.gateway.ops.health.Readiness;
import kz.shlyuz.gateway.ops.health.WeakenedChecks;
import kz.shlyuz.gateway.ops.maintenance.Maintenance;
import kz.shlyuz.gateway.ops.metrics.ExpiryGauges;
import kz.shlyuz.gateway.ops.metrics.GatewayMetrics;
import kz.shlyuz.gateway.ops.metrics.MeteredJournal;
import kz.shlyuz.gateway.ops.metrics.ServiceHealthStats;
import kz.shlyuz.gateway.ops.metrics.StoreGauges;
import kz.shlyuz.gateway.ops.tracing.Tracing;
import kz.shlyuz.gateway.signature.SignatureEvents;
import kz.shlyuz.gateway.signature.TrustSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operations for one gateway (issue 12): metrics, tracing, health and readiness, maintenance
 * mode, the admin listener and what {@code ./shlyuz doctor} reads. Created before the gateway's
 * parts (they are observed through it), {@link #start started} once the gRPC server listens,
 * closed last.
 */
public final class Operations implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Operations.class);

    private final GatewayConfig config;
    private final Clock clock;
    private final Clock processClock;
    private final GatewayMetrics metrics;
    private final Tracing tracing;
    private final Maintenance maintenance;
    private final ServiceHealthStats serviceHealth;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Instant startedAt;
    private MeteredJournal journal;
    private Readiness readiness;
    private AdminServer admin;
    private ExpiryGauges expiry;
    private ScheduledExecutorService refresher;
    private Runnable fatalRegistration = () -> {};
    private DoctorStatus doctor;

    /**
     * @param clock the gateway's clock (readiness cache, health data, expiry)
     * @param processClock the clock of deadlines (overdue steps)
     */
    public Operations(GatewayConfig config, Set<String> services, Clock clock, Clock processClock) {
        this.config = config;
        this.clock = clock;
        this.processClock = processClock;
        this.startedAt = clock.instant();
        this.metrics = new GatewayMetrics(
                services, config.senders().keySet(), config.ops().admin().enabled());
        this.tracing = Tracing.start(config.ops().tracing());
        this.maintenance = new Maintenance(clock, metrics.registry());
        this.serviceHealth = new ServiceHealthStats(clock);
        Gauge.builder("shlyuz.calls.inflight", inFlight, AtomicInteger::get)
                .description("Calls of the gateway's services running now")
                .register(metrics.registry());
        FatalErrors.install();
    }

    /** The journal as the gateway must use it: every entry counted and timed. */
    public Journal observe(Journal raw) {
        this.journal = new MeteredJournal(raw, metrics, serviceHealth);
        return journal;
    }

    /** Tells {@code listener} every journal entry the observed journal counts. */
    public void onJournalEntry(java.util.function.Consumer<kz.shlyuz.gateway.journal.JournalEntry> listener) {
        journal.listen(listener);
    }

    /** Where the gateway's signature verifier tells its outside calls (OCSP, CRLs): counted and kept for doctor. */
    public SignatureEvents signatureEvents() {
        return metrics.signatureEvents();
    }

    /** The time-stamper, counted and timed (null stays null: no TSA). */
    public TimeStamper observe(TimeStamper raw) {
        if (raw == null) {
            return null;
        }
        return signatureValue -> {
            long start = System.nanoTime();
            String result = "failed";
            try {
                byte[] token = raw.timeStampToken(signatureValue);
                result = "ok";
                return token;
            } finally {
                metrics.signatureEvents().tsa("gateway", result, System.nanoTime() - start, clock.instant());
            }
        };
    }

    /** The outermost interceptor of each of the gateway's services. */
    public ServerInterceptor serverInterceptor() {
        if (journal == null) {
            throw new IllegalStateException("observe(journal) first: maintenance refusals are journaled");
        }
        return new ServerObservation(metrics, tracing, maintenance, journal, clock, inFlight);
    }

    /** For the agency channels: client metrics and trace propagation. */
    public ClientInterceptor clientInterceptor() {
        return new ClientObservation(metrics, tracing);
    }

    /**
     * Starts readiness, the gauges and the admin listener, once the gRPC server listens.
     *
     * @param serving told SERVING (true) or NOT_SERVING (false) whenever that changes
     * @param ocspResponder the responder revocation asks, or null
     * @param signingCertificate the gateway's signing certificate (for its expiry)
     */
    public void start(
            DataSource db,
            TrustSource trust,
            TlsFiles tls,
            X509Certificate signingCertificate,
            URI ocspResponder,
            boolean timeStamped,
            Consumer<Boolean> serving)
            throws IOException {
        for (WeakenedChecks.Weakened w : WeakenedChecks.of(config)) {
            log.warn("WEAKENED CHECK {}", w);
        }
        readiness = new Readiness(config, db, trust, ocspResponder, timeStamped, maintenance, clock, serving);
        fatalRegistration = FatalErrors.onFatal(readiness::fatal);
        maintenance.onChange(() -> readiness.report());
        Map<String, X509Certificate> own = new LinkedHashMap<>();
        if (signingCertificate != null) {
            own.put("gateway_signing", signingCertificate);
        }
        X509Certificate tlsLeaf = ExpiryGauges.firstCertificate(tls.certificateChain());
        if (tlsLeaf != null) {
            own.put("gateway_tls", tlsLeaf);
        }
        expiry = new ExpiryGauges(metrics, trust, own, clock);
        metrics.beforeScrape(expiry);
        metrics.beforeScrape(new StoreGauges(metrics, db, processClock));
        doctor = new DoctorStatus(
                config, clock, startedAt, readiness, expiry, maintenance, db, inFlight::get, metrics.signatureEvents());
        readiness.report();
        // gRPC health follows readiness without anyone probing the admin listener.
        refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "health-refresh");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(1000, config.ops().health().healthyFor().toMillis());
        var unused = refresher.scheduleWithFixedDelay(
                () -> {
                    try {
                        readiness.report();
                    } catch (RuntimeException e) {
                        log.warn("readiness refresh failed: {}", e.toString());
                    }
                },
                period,
                period,
                TimeUnit.MILLISECONDS);
        if (config.ops().admin().enabled()) {
            admin = AdminServer.start(
                    config.ops().admin(), endpoints(), config.ops().admin().tls() ? AdminTls.context(tls) : null);
        }
    }

    private AdminServer.Endpoints endpoints() {
        return new AdminServer.Endpoints() {
            @Override
            public String metrics() {
                return metrics.scrape();
            }

            @Override
            public String notLive() {
                FatalErrors.Fatal fatal = readiness.fatalError();
                return fatal == null ? null : "thread " + fatal.thread() + " died: " + fatal.error();
            }

            @Override
            public Map.Entry<Boolean, Object> ready() {
                Readiness.Report report = readiness.report();
                return new AbstractMap.SimpleEntry<>(report.ready(), DoctorStatus.readinessBody(report));
            }

            @Override
            public Object services() {
                return Map.of("window", ServiceHealthStats.WINDOW.toString(), "services", serviceHealth.snapshot());
            }

            @Override
            public Object status() {
                return doctor.status();
            }

            @Override
            public Object maintenance(boolean on, String by) {
                Maintenance.State state = by == null ? maintenance.state() : maintenance.set(on, by);
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("maintenance", state.on());
                body.put("since", state.since());
                body.put("by", state.by());
                body.put("inFlightCalls", inFlight.get());
                return body;
            }
        };
    }

    /** The gateway's version from its jar, or "dev" when run from classes. */
    public static String version() {
        return DoctorStatus.version();
    }

    public GatewayMetrics metrics() {
        return metrics;
    }

    /** What {@code ./shlyuz doctor} reads: readiness, certificates and CRLs with expiry, the configuration summary. */
    public Map<String, Object> doctorStatus() {
        return doctor.status();
    }

    public Maintenance maintenance() {
        return maintenance;
    }

    public Readiness readiness() {
        return readiness;
    }

    public Tracing tracing() {
        return tracing;
    }

    /** The admin listener's port, or -1 when it is off. */
    public int adminPort() {
        return admin == null ? -1 : admin.port();
    }

    public int inFlightCalls() {
        return inFlight.get();
    }

    @Override
    public void close() {
        fatalRegistration.run();
        if (refresher != null) {
            refresher.shutdownNow();
        }
        if (admin != null) {
            admin.close();
        }
        if (readiness != null) {
            readiness.close();
        }
        tracing.close();
        metrics.close();
    }
}
