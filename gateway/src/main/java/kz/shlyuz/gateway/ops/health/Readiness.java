package kz.shlyuz.gateway.ops.health;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import javax.sql.DataSource;
import kz.shlyuz.gateway.config.AdapterEndpoint;
import kz.shlyuz.gateway.config.GatewayConfig;
import kz.shlyuz.gateway.ops.maintenance.Maintenance;
import kz.shlyuz.gateway.signature.TrustMaterial;
import kz.shlyuz.gateway.signature.TrustSource;

/**
 * Whether the node can serve: the database reachable and writable, the trust loaded and not
 * expired, revocation answerable as the policy requires (OCSP reachable, or current CRLs),
 * the adapters reachable. A result is reused (X-Road's figures: 2 s when healthy, 30 s after a
 * failure, {@code ops.health}) on the gateway's clock, so probes cost nothing and a failing
 * dependency is not hammered; maintenance and a fatal error apply at once, uncached.
 */
public final class Readiness implements AutoCloseable {
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(2);
    private static final int CONNECT_TIMEOUT_MILLIS = 1000;

    /** One evaluation: every dependency, and when it was made. */
    public record Report(boolean ready, Instant checkedAt, List<Dependency> dependencies,
            List<WeakenedChecks.Weakened> weakened, Maintenance.State maintenance, FatalErrors.Fatal fatal) {}

    private final GatewayConfig config;
    private final DataSource database;
    private final TrustSource trust;
    private final URI ocspResponder;
    private final boolean timeStamped;
    private final Maintenance maintenance;
    private final Clock clock;
    private final Consumer<Boolean> servingListener;
    private final ExecutorService checks = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "health-check");
        t.setDaemon(true);
        return t;
    });
    private final List<WeakenedChecks.Weakened> weakened;
    private Report cached;
    private volatile Boolean lastServing;
    private volatile FatalErrors.Fatal fatal;
    /** Serving-state changes are told in order, without waiting for an evaluation in progress. */
    private final Object publishing = new Object();

    /**
     * @param ocspResponder the responder the policy asks (null: OCSP off or each certificate's AIA)
     * @param timeStamped whether the gateway time-stamps its own signatures
     * @param servingListener told whenever the node's serving state changes (gRPC health follows it)
     */
    public Readiness(GatewayConfig config, DataSource database, TrustSource trust, URI ocspResponder,
            boolean timeStamped, Maintenance maintenance, Clock clock, Consumer<Boolean> servingListener) {
        this.config = config;
        this.database = database;
        this.trust = trust;
        this.ocspResponder = ocspResponder;
        this.timeStamped = timeStamped;
        this.maintenance = maintenance;
        this.clock = clock;
        this.servingListener = servingListener;
        this.weakened = WeakenedChecks.of(config);
    }

    /** The cached report, re-evaluated when its time is up. */
    public Report report() {
        Report base;
        synchronized (this) {
            Instant now = clock.instant();
            if (cached == null || !now.isBefore(cached.checkedAt().plus(cached.ready()
                    ? config.ops().health().healthyFor() : config.ops().health().failedFor()))) {
                cached = evaluate(now);
            }
            base = cached;
        }
        return withLiveState(base);
    }

    /** A fresh evaluation (doctor), which also replaces the cached one. */
    public Report fresh() {
        Report report;
        synchronized (this) {
            cached = evaluate(clock.instant());
            report = cached;
        }
        return withLiveState(report);
    }

    /** A thread of this gateway died: not serving from now on, whatever the dependencies say. */
    public void fatal(FatalErrors.Fatal error) {
        fatal = error;
        publish(false);
    }

    /** The fatal error this gateway suffered, or null. */
    public FatalErrors.Fatal fatalError() {
        return fatal;
    }

    /** Maintenance and fatal errors are never cached: they take effect at once. */
    private Report withLiveState(Report base) {
        Maintenance.State m = maintenance.state();
        FatalErrors.Fatal fatal = this.fatal;
        Report live = new Report(base.ready() && !m.on() && fatal == null, base.checkedAt(), base.dependencies(),
                weakened, m, fatal);
        publish(live.ready());
        return live;
    }

    /** Tells the listener when the serving state changes (also when maintenance or a fatal error changes it). */
    public void publish(boolean serving) {
        synchronized (publishing) {
            if (fatal != null && serving) {
                return;
            }
            if (lastServing == null || lastServing != serving) {
                lastServing = serving;
                servingListener.accept(serving);
            }
        }
    }

    private Report evaluate(Instant now) {
        List<Dependency> deps = new ArrayList<>();
        deps.add(bounded("database", true, this::database));
        deps.add(trust(now));
        deps.add(revocation(now));
        deps.add(new Dependency("timestamping", timeStamped ? Dependency.State.UP : Dependency.State.DEGRADED, false,
                timeStamped ? "the gateway time-stamps its signatures" : "no TSA: the gateway's signatures carry no "
                        + "time-stamp", Map.of()));
        for (Map.Entry<String, AdapterEndpoint> e : config.adapters().entrySet()) {
            deps.add(adapter(e.getKey(), e.getValue()));
        }
        boolean ready = deps.stream().noneMatch(Dependency::blocks);
        return new Report(ready, now, List.copyOf(deps), weakened, maintenance.state(), fatal);
    }

    private Dependency bounded(String name, boolean required, java.util.concurrent.Callable<Dependency> check) {
        Future<Dependency> future = checks.submit(check);
        try {
            return future.get(CHECK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return new Dependency(name, Dependency.State.DOWN, required, "no answer within " + CHECK_TIMEOUT, Map.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Dependency(name, Dependency.State.DOWN, required, "interrupted", Map.of());
        } catch (java.util.concurrent.ExecutionException e) {
            return new Dependency(name, Dependency.State.DOWN, required, String.valueOf(e.getCause()), Map.of());
        }
    }

    private Dependency database() {
        long start = System.nanoTime();
        Map<String, Object> facts = new LinkedHashMap<>();
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            String version = null;
            // Flyway's own table, quoted as Flyway creates it (lower case on H2 and PostgreSQL alike).
            try (ResultSet rs = s.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" "
                    + "AND \"version\" IS NOT NULL ORDER BY \"installed_rank\" DESC")) {
                version = rs.next() ? rs.getString(1) : null;
            } catch (java.sql.SQLException e) {
                version = "unknown (" + e.getMessage() + ")";
            }
            facts.put("latencyMillis", (System.nanoTime() - start) / 1_000_000.0);
            facts.put("migrationVersion", version);
            facts.put("url", config.journal().jdbcUrl().replaceAll("password=[^;&]*", "password=****"));
            if (c.isReadOnly()) {
                return new Dependency("database", Dependency.State.DOWN, true, "the connection is read-only", facts);
            }
            return new Dependency("database", Dependency.State.UP, true, "reachable and writable", facts);
        } catch (Exception e) {
            // Connections opened before the database went away may look alive to the pool (a remote H2
            // session keeps answering "database is already closed"): retire them all, so that the
            // journal, the case writer and the outbox get fresh ones as soon as the database returns.
            if (database instanceof com.zaxxer.hikari.HikariDataSource pool && pool.getHikariPoolMXBean() != null) {
                pool.getHikariPoolMXBean().softEvictConnections();
            }
            return new Dependency("database", Dependency.State.DOWN, true, "unreachable: " + e.getMessage(), facts);
        }
    }

    private Dependency trust(Instant now) {
        TrustMaterial material;
        try {
            material = trust.current();
        } catch (RuntimeException e) {
            return new Dependency("trust", Dependency.State.DOWN, true, "cannot be loaded: " + e.getMessage(), Map.of());
        }
        int expired = 0;
        Instant earliest = null;
        for (X509Certificate anchor : material.anchors()) {
            Instant notAfter = anchor.getNotAfter().toInstant();
            if (notAfter.isBefore(now)) {
                expired++;
            } else if (earliest == null || notAfter.isBefore(earliest)) {
                earliest = notAfter;
            }
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("anchors", material.anchors().size());
        facts.put("crls", material.crls().size());
        facts.put("earliestExpiry", earliest == null ? null : earliest.toString());
        if (expired == material.anchors().size()) {
            return new Dependency("trust", Dependency.State.DOWN, true, "every trust anchor has expired", facts);
        }
        if (expired > 0) {
            return new Dependency("trust", Dependency.State.DEGRADED, true, expired + " trust anchor(s) expired", facts);
        }
        return new Dependency("trust", Dependency.State.UP, true, material.anchors().size() + " anchors valid", facts);
    }

    private Dependency revocation(Instant now) {
        boolean softFail = config.signerRules().softFailRevocation();
        Map<String, Object> facts = new LinkedHashMap<>();
        String ocsp;
        boolean ocspUp = false;
        if (!config.signerRules().ocsp().enabled()) {
            ocsp = "off";
        } else if (ocspResponder == null) {
            ocsp = "each certificate's AIA responder";
            ocspUp = true;
        } else {
            long millis = connect(ocspResponder.getHost(), ocspResponder.getPort() < 0
                    ? ("https".equals(ocspResponder.getScheme()) ? 443 : 80) : ocspResponder.getPort());
            ocspUp = millis >= 0;
            ocsp = ocspResponder + (ocspUp ? " reachable" : " unreachable");
            if (ocspUp) {
                facts.put("ocspLatencyMillis", millis);
            }
        }
        facts.put("ocsp", ocsp);
        List<X509CRL> crls;
        try {
            crls = trust.current().crls();
        } catch (RuntimeException e) {
            crls = List.of();
        }
        int stale = 0;
        for (X509CRL crl : crls) {
            if (crl.getNextUpdate() != null && crl.getNextUpdate().toInstant().isBefore(now)) {
                stale++;
            }
        }
        facts.put("crls", crls.size());
        facts.put("staleCrls", stale);
        boolean crlsCurrent = !crls.isEmpty() && stale == 0;
        if (ocspUp || crlsCurrent) {
            Dependency.State state = ocspUp && (crls.isEmpty() || stale == 0) ? Dependency.State.UP
                    : Dependency.State.DEGRADED;
            return new Dependency("revocation", state, !softFail, "OCSP: " + ocsp + "; CRLs: " + crls.size()
                    + (stale > 0 ? " (" + stale + " past nextUpdate)" : " current"), facts);
        }
        return new Dependency("revocation", Dependency.State.DOWN, !softFail, "neither OCSP (" + ocsp + ") nor a "
                + "current CRL answers" + (softFail ? "; accepted by trust.revocation: soft-fail" : ""), facts);
    }

    private Dependency adapter(String name, AdapterEndpoint endpoint) {
        long millis = connect(endpoint.host(), endpoint.port());
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("address", endpoint.host() + ":" + endpoint.port());
        boolean required = config.ops().health().requireAdapters();
        if (millis < 0) {
            return new Dependency("adapter:" + name, Dependency.State.DOWN, required, "unreachable at "
                    + endpoint.host() + ":" + endpoint.port(), facts);
        }
        facts.put("latencyMillis", millis);
        return new Dependency("adapter:" + name, Dependency.State.UP, required, "reachable", facts);
    }

    /** TCP connect time in milliseconds, or -1 when nothing answers. */
    private static long connect(String host, int port) {
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            return Math.max(0, (System.nanoTime() - start) / 1_000_000);
        } catch (IOException | IllegalArgumentException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        checks.shutdownNow();
    }
}
