package kz.shlyuz.gateway.monitoring;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import kz.shlyuz.gateway.call.AgencyAnswerVerifier;
import kz.shlyuz.gateway.config.RecordsSettings;
import kz.shlyuz.gateway.journal.JournalException;
import kz.shlyuz.gateway.routing.AgencyClients;
import kz.shlyuz.gateway.status.Refusal;
import kz.shlyuz.proto.v1.AgencyRequest;
import kz.shlyuz.proto.v1.StageReport;
import kz.shlyuz.proto.v1.StageReportReceipt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the stage reports to the monitoring system: leases due rows (wall clock, {@code FOR
 * UPDATE SKIP LOCKED}, so several nodes share the work), sends each under its stable key as the
 * request id, verifies the signed receipt and marks the row sent. At least once to the wire: a row
 * whose receipt was lost is sent again under the same key, and the monitoring system records it
 * once. A failed delivery is tried again after a doubling delay up to its cap, without end; it
 * never touches the case, whose transaction committed long before.
 */
public final class StageReporter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StageReporter.class);
    /** The operation of the monitoring adapter. */
    public static final String OPERATION = "STAGE_REPORT";

    private final DataSource db;
    private final AgencyClients agencies;
    private final AgencyAnswerVerifier answers;
    private final RecordsSettings.Monitoring settings;
    private final String owner;
    private final Clock wallClock;
    private final Duration lease;
    private final Thread thread;
    private volatile boolean closed;

    /**
     * Starts the worker.
     *
     * @param owner this node's name in leases
     * @param lease how long leased rows are this node's: enough to send a batch
     */
    public StageReporter(
            DataSource db,
            AgencyClients agencies,
            AgencyAnswerVerifier answers,
            RecordsSettings.Monitoring settings,
            String owner,
            Duration lease,
            Clock wallClock) {
        this.db = db;
        this.agencies = agencies;
        this.answers = answers;
        this.settings = settings;
        this.owner = owner;
        this.lease = lease;
        this.wallClock = wallClock;
        try {
            agencies.endpoint(settings.adapter());
        } catch (Refusal notConfigured) {
            log.warn(
                    "records.monitoring.adapter '{}' is not among the configured adapters: stage reports are kept "
                            + "and wait until it is",
                    settings.adapter());
        }
        this.thread = new Thread(this::loop, "shlyuz-monitoring");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void loop() {
        while (!closed) {
            int sent;
            try {
                sent = deliverDue();
            } catch (RuntimeException e) {
                log.warn("stage reports: {}", e.toString());
                sent = 0;
            }
            if (sent < settings.batch()) {
                try {
                    TimeUnit.MILLISECONDS.sleep(settings.pollInterval().toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /**
     * One pass: leases up to a batch of due reports and sends them in order; at the first that
     * cannot be delivered the rest of the batch waits as long as it does (the same system is down).
     *
     * @return how many were delivered
     */
    int deliverDue() {
        List<ReportLeases.Due> due = lease();
        int delivered = 0;
        for (int i = 0; i < due.size() && !closed; i++) {
            ReportLeases.Due report = due.get(i);
            try {
                String receipt = send(report);
                markSent(report, receipt);
                delivered++;
            } catch (Refusal refusal) {
                Duration delay = delay(report.attempts() + 1);
                reschedule(due.subList(i, due.size()), delay, refusal.reason() + " " + refusal.detail());
                log.info(
                        "stage report {} of case {}: {} ({}), next try in {} (attempt {})",
                        report.key(),
                        report.caseId(),
                        refusal.reason(),
                        settings.adapter(),
                        delay,
                        report.attempts() + 1);
                break;
            }
        }
        return delivered;
    }

    /** The wait after the {@code attempt}th failure: the first delay, doubling, up to the cap. */
    Duration delay(int attempt) {
        Duration d = settings.firstDelay();
        for (int i = 1; i < attempt && d.compareTo(settings.maxDelay()) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : d;
    }

    private String send(ReportLeases.Due report) {
        StageReport.Builder body = StageReport.newBuilder()
                .setReportKey(report.key())
                .setServiceId(report.serviceId())
                .setCaseRef(report.caseId())
                .setChannel(report.channel())
                .setEvent(report.event())
                .setStage(report.stage())
                .setCaseState(report.caseState())
                .setHappenedAt(Timestamps.fromMillis(report.happenedAt().toEpochMilli()));
        if (report.nextDueAt() != null) {
            body.setNextDueAt(Timestamps.fromMillis(report.nextDueAt().toEpochMilli()));
        }
        // No original request: the monitoring system gets the stage, never the applicant's documents.
        AgencyRequest request = AgencyRequest.newBuilder()
                .setRequestId(report.key())
                .setServiceId(report.serviceId())
                .setOperation(OPERATION)
                .setBody(Any.pack(body.build()))
                .setOriginSystem(report.channel())
                .setSentAt(Timestamps.fromMillis(wallClock.millis()))
                .build();
        var answer = agencies.call(settings.adapter(), request);
        var content = answers.verify(settings.adapter(), agencies.endpoint(settings.adapter()), report.key(), answer);
        try {
            StageReportReceipt receipt = content.getBody().unpack(StageReportReceipt.class);
            if (!receipt.getReportKey().equals(report.key())) {
                throw new IllegalStateException(
                        "receipt for " + receipt.getReportKey() + " (expected: " + report.key() + ")");
            }
            return receipt.getRegisteredNo();
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("monitoring receipt unreadable", e);
        }
    }

    private List<ReportLeases.Due> lease() {
        return ReportLeases.lease(db, owner, lease, settings.batch(), wallClock.instant());
    }

    private void markSent(ReportLeases.Due report, String receiptNo) {
        update(
                "UPDATE monitoring_report SET state = '" + StageReports.SENT + "', sent_at = ?, receipt_no = ?, "
                        + "attempts = attempts + 1, lease_owner = NULL, lease_until = NULL, last_error = NULL "
                        + "WHERE report_key = ? AND state = '" + StageReports.PENDING + "'",
                List.of(List.of(Timestamp.from(wallClock.instant()), receiptNo, report.key())));
    }

    /** The failed report counts an attempt; the rest of its batch waits as long without one. */
    private void reschedule(List<ReportLeases.Due> rest, Duration delay, String error) {
        Timestamp next = Timestamp.from(wallClock.instant().plus(delay));
        String clipped = error.length() > 500 ? error.substring(0, 500) : error;
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < rest.size(); i++) {
            rows.add(List.of(i == 0 ? 1 : 0, next, clipped, rest.get(i).key(), owner));
        }
        update(
                "UPDATE monitoring_report SET attempts = attempts + ?, due_at = ?, last_error = ?, lease_owner = NULL, "
                        + "lease_until = NULL WHERE report_key = ? AND state = '" + StageReports.PENDING
                        + "' AND lease_owner = ?",
                rows);
    }

    private void update(String sql, List<List<Object>> rows) {
        try (Connection c = db.getConnection();
                PreparedStatement u = c.prepareStatement(sql)) {
            for (List<Object> row : rows) {
                for (int i = 0; i < row.size(); i++) {
                    u.setObject(i + 1, row.get(i));
                }
                u.addBatch();
            }
            u.executeBatch();
        } catch (SQLException e) {
            // The lease runs out and the report is sent again under its key: nothing is lost.
            throw new JournalException("stage report update", e);
        }
    }

    /**
     * Stops the worker and gives back the leases it holds, so the next start (or another node)
     * sends what is left at once; reports not yet sent stay in the table.
     */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            update(
                    "UPDATE monitoring_report SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ? "
                            + "AND state = '" + StageReports.PENDING + "'",
                    List.of(List.of(owner)));
        } catch (RuntimeException e) {
            log.warn("stage reports: leases not given back ({}); they run out by themselves", e.toString());
        }
    }
}
