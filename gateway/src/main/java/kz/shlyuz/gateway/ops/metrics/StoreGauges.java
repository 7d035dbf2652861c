package kz.shlyuz.gateway.ops.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/**
 * Gauges read from the process tables at scrape time: the outbox's depth and the age of its
 * oldest due item, the calls given up (the dead letters), cases by service and state, and steps
 * past their regulation term. Four small queries, at most once per {@value #MIN_INTERVAL_MILLIS} ms
 * whatever the scrape rate.
 */
public final class StoreGauges implements Runnable {
    private static final long MIN_INTERVAL_MILLIS = 5_000;

    private final DataSource db;
    private final Clock processClock;
    private final MultiGauge cases;
    private final MultiGauge overdue;
    private final AtomicReference<double[]> outbox = new AtomicReference<>(new double[] {0, 0});
    private volatile double undelivered;
    private volatile long refreshedAt;

    /** @param processClock the clock of deadlines (due dates are process time) */
    public StoreGauges(GatewayMetrics metrics, DataSource db, Clock processClock) {
        this.db = db;
        this.processClock = processClock;
        var registry = metrics.registry();
        Gauge.builder("shlyuz.outbox.depth", () -> outbox.get()[0])
                .description("Outbox items waiting to be done")
                .register(registry);
        Gauge.builder("shlyuz.outbox.oldest.age.seconds", () -> outbox.get()[1])
                .description("How long the oldest due outbox item has been waiting")
                .register(registry);
        Gauge.builder("shlyuz.outbox.failed", () -> undelivered)
                .description("Agency calls given up after the retry policy's maximum (their steps UNDELIVERED)")
                .register(registry);
        cases = MultiGauge.builder("shlyuz.cases")
                .description("Cases by service and state")
                .register(registry);
        overdue = MultiGauge.builder("shlyuz.steps.overdue")
                .description("Process steps still pending past their regulation term, by service")
                .register(registry);
    }

    @Override
    public void run() {
        long now = System.currentTimeMillis();
        if (now - refreshedAt < MIN_INTERVAL_MILLIS) {
            return;
        }
        refreshedAt = now;
        Instant processNow = processClock.instant();
        try (Connection c = db.getConnection()) {
            try (PreparedStatement s =
                    c.prepareStatement("SELECT COUNT(*), MIN(due_at) FROM outbox WHERE state = 'PENDING'")) {
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    Timestamp oldest = rs.getTimestamp(2);
                    double age = oldest == null
                            ? 0
                            : Math.max(
                                    0,
                                    (processNow.toEpochMilli()
                                                    - oldest.toInstant().toEpochMilli())
                                            / 1000.0);
                    outbox.set(new double[] {rs.getLong(1), age});
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM outbox WHERE state = 'FAILED'");
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                undelivered = rs.getLong(1);
            }
            List<MultiGauge.Row<?>> caseRows = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                            "SELECT service_id, state, COUNT(*) FROM process_case GROUP BY service_id, state");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    caseRows.add(MultiGauge.Row.of(
                            Tags.of("service", rs.getString(1), "state", rs.getString(2)), rs.getLong(3)));
                }
            }
            cases.register(caseRows, true);
            List<MultiGauge.Row<?>> overdueRows = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT c.service_id, COUNT(*) FROM process_step p "
                    + "JOIN process_case c ON c.case_id = p.case_id WHERE p.state = 'PENDING' AND p.due_at < ? "
                    + "GROUP BY c.service_id")) {
                s.setTimestamp(1, Timestamp.from(processNow));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        overdueRows.add(MultiGauge.Row.of(Tags.of("service", rs.getString(1)), rs.getLong(2)));
                    }
                }
            }
            overdue.register(overdueRows, true);
        } catch (SQLException e) {
            throw new IllegalStateException("process tables unreadable: " + e.getMessage(), e);
        }
    }
}
