package kz.shlyuz.gateway.ops.health;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

    /** One evaluation: every dependency, and when it was made. */
    public record Report(
            boolean ready,
            Instant checkedAt,
            List<Dependency> dependencies,
            List<WeakenedChecks.Weakened> weakened,
            Maintenance.State maintenance,
            FatalErrors.Fatal fatal) {}

    private final GatewayConfig config;
    private final DependencyChecks checks;
    private final boolean timeStamped;
    private final Maintenance maintenance;
    private final Clock clock;
    private final Consumer<Boolean> servingListener;
    private final ExecutorService checkThreads = Executors.newCachedThreadPool(r -> {
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
    public Readiness(
            GatewayConfig config,
            DataSource database,
            TrustSource trust,
            URI ocspResponder,
            boolean timeStamped,
            Maintenance maintenance,
            Clock clock,
            Consumer<Boolean> servingListener) {
        this.config = config;
        this.checks = new DependencyChecks(config, database, trust, ocspResponder);
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
            if (cached == null
                    || !now.isBefore(cached.checkedAt()
                            .plus(
                                    cached.ready()
                                            ? config.ops().health().healthyFor()
                                            : config.ops().health().failedFor()))) {
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
        Report live = new Report(
                base.ready() && !m.on() && fatal == null, base.checkedAt(), base.dependencies(), weakened, m, fatal);
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
        deps.add(bounded("database", true, checks::database));
        deps.add(checks.trust(now));
        deps.add(checks.revocation(now));
        deps.add(new Dependency(
                "timestamping",
                timeStamped ? Dependency.State.UP : Dependency.State.DEGRADED,
                false,
                timeStamped
                        ? "the gateway time-stamps its signatures"
                        : "no TSA: the gateway's signatures carry no " + "time-stamp",
                Map.of()));
        for (Map.Entry<String, AdapterEndpoint> e : config.adapters().entrySet()) {
            deps.add(checks.adapter(e.getKey(), e.getValue()));
        }
        boolean ready = deps.stream().noneMatch(Dependency::blocks);
        return new Report(ready, now, List.copyOf(deps), weakened, maintenance.state(), fatal);
    }

    private Dependency bounded(String name, boolean required, java.util.concurrent.Callable<Dependency> check) {
        Future<Dependency> future = checkThreads.submit(check);
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

    @Override
    public void close() {
        checkThreads.shutdownNow();
    }
}
