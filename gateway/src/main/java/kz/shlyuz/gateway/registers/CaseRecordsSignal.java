package kz.shlyuz.gateway.registers;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import kz.shlyuz.gateway.config.RecordsSettings;
import kz.shlyuz.gateway.monitoring.StageReports;
import kz.shlyuz.gateway.process.FeedSignal;
import kz.shlyuz.gateway.process.StageChange;

/**
 * The engine's feed signal with the records the regulations require: in every transaction that
 * moves a case it writes the registers' rows and, unless turned off, one stage report per status
 * message, then tells the signal it wraps. Being written in the case's transaction, a record
 * exists exactly when the stage it records was committed.
 */
public final class CaseRecordsSignal implements FeedSignal {
    private final FeedSignal signal;
    private final RegisterWriter registers = new RegisterWriter();
    private final StageReports reports;

    private CaseRecordsSignal(FeedSignal signal, StageReports reports) {
        this.signal = Objects.requireNonNull(signal, "signal");
        this.reports = reports;
    }

    /**
     * {@code signal} with the registers and, when {@code records.monitoring.enabled}, the stage
     * reports (first due at once by {@code wallClock}).
     */
    public static FeedSignal around(FeedSignal signal, RecordsSettings settings, Clock wallClock) {
        return new CaseRecordsSignal(signal, settings.monitoring().enabled() ? new StageReports(wallClock) : null);
    }

    @Override
    public boolean notifiesInTransaction() {
        return signal.notifiesInTransaction();
    }

    @Override
    public void committed(long lastSeq) {
        signal.committed(lastSeq);
    }

    @Override
    public void written(Connection c, List<StageChange> changes) throws SQLException {
        registers.write(c, changes);
        if (reports != null) {
            reports.write(c, changes);
        }
        signal.written(c, changes);
    }
}
