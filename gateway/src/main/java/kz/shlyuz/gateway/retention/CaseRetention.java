package kz.shlyuz.gateway.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import kz.shlyuz.gateway.config.RecordsSettings;
import kz.shlyuz.gateway.journal.JournalException;
import kz.shlyuz.gateway.services.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Destroys case files past their retention by a recorded act (002 §20-21), on the process clock.
 * One run is one transaction: it takes the acts' counter lock (so two nodes never destroy the same
 * file or number two acts alike), finds the files whose every case is decided and past its
 * period, deletes their cases with everything the case holds (steps, outbox, status messages,
 * completion notice, stage reports, the message claim, the signed request), marks their register
 * rows with the act's number, and writes the act with one item per case. A file with an open case
 * is kept. The registers' rows stay: they are the record of what each act destroyed.
 */
public final class CaseRetention {
    private static final Logger log = LoggerFactory.getLogger(CaseRetention.class);
    private static final String EXIT = Service.EXIT_PERMANENT_RESIDENCE.id();
    private static final String CASE_COLUMNS = "case_id, service_id, sender, message_id, state, opened_at, finished_at";

    private final DataSource db;
    private final RetentionRules rules;
    private final RecordsSettings.Retention settings;
    private final Clock clock;
    private final String actor;
    private Instant nextRun;

    /**
     * @param clock the process clock: retention runs in the regulation's time
     * @param actor who the acts name as executing them, e.g. the node
     */
    public CaseRetention(
            DataSource db, RetentionRules rules, RecordsSettings.Retention settings, Clock clock, String actor) {
        this.db = db;
        this.rules = rules;
        this.settings = settings;
        this.clock = clock;
        this.actor = actor;
    }

    /** Runs when {@code records.retention.check} of process time passed since the last run (and is enabled). */
    public synchronized void runIfDue() {
        if (!settings.enabled()) {
            return;
        }
        Instant now = clock.instant();
        if (nextRun != null && now.isBefore(nextRun)) {
            return;
        }
        try {
            Optional<DestructionAct> act = run();
            // A full act leaves more files due: the next look runs again rather than waiting a check.
            boolean more = act.isPresent() && act.get().files() >= settings.batch();
            nextRun = more ? now : now.plus(settings.check());
        } catch (RuntimeException e) {
            nextRun = now.plus(settings.check());
            log.error("retention run failed", e);
        }
    }

    /** Destroys the files due now under one act; empty when none is due (no empty act is written). */
    public synchronized Optional<DestructionAct> run() {
        Instant now = clock.instant();
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                Optional<DestructionAct> act = run(c, now);
                c.commit();
                act.ifPresent(a -> log.info(
                        "retention: act {} destroyed {} file(s), {} case(s), {} row(s)",
                        a.actNo(),
                        a.files(),
                        a.items().size(),
                        a.rowsDeleted()));
                return act;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new JournalException("retention run", e);
        }
    }

    private Optional<DestructionAct> run(Connection c, Instant now) throws SQLException {
        try (PreparedStatement lock =
                c.prepareStatement("SELECT last_no FROM register_counter WHERE register_name = ? FOR UPDATE")) {
            lock.setString(1, DestructionActs.COUNTER);
            try (ResultSet rs = lock.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("register_counter has no row " + DestructionActs.COUNTER);
                }
            }
        }
        List<CaseFile> due = new ArrayList<>();
        for (CaseFile file : candidates(c, now)) {
            Optional<Instant> until = file.keptUntil(rules);
            if (until.isPresent() && !until.get().isAfter(now)) {
                due.add(file);
                if (due.size() >= settings.batch()) {
                    break;
                }
            }
        }
        if (due.isEmpty()) {
            return Optional.empty();
        }
        String actNo = DestructionActs.nextNumber(c, now);
        long rows = 0;
        List<DestructionAct.Item> items = new ArrayList<>();
        for (CaseFile file : due) {
            for (CaseFile.Case k : file.cases()) {
                String registerRef = DestructionActs.markRegisters(c, k.caseId(), actNo);
                rows += DestructionActs.destroy(c, k);
                items.add(new DestructionAct.Item(
                        k.caseId(),
                        k.serviceId(),
                        file.key(),
                        k.openedAt(),
                        k.finishedAt(),
                        k.state(),
                        rules.keptUntil(k.serviceId(), k.positive(), k.finishedAt()),
                        rules.describe(k.serviceId(), k.positive()),
                        registerRef));
            }
        }
        DestructionAct act = new DestructionAct(actNo, now, actor, due.size(), rows, items);
        DestructionActs.record(c, act);
        return Optional.of(act);
    }

    /**
     * The files with a case past its own period, oldest decision first: an exit case brings its
     * person's whole file, every other case is its own. Each service's cases are read with its own
     * positive and negative horizons, so cases not yet due never crowd out those that are.
     */
    private List<CaseFile> candidates(Connection c, Instant now) throws SQLException {
        List<CaseFile> files = new ArrayList<>();
        List<String> exitPeople = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + CASE_COLUMNS + ", citizen_iin FROM process_case "
                + "WHERE service_id = ? AND ((state = 'APPROVED' AND finished_at <= ?) OR (state = 'REFUSED' "
                + "AND finished_at <= ?)) ORDER BY finished_at, case_id FETCH FIRST ? ROWS ONLY")) {
            for (Service service : Service.values()) {
                s.setString(1, service.id());
                s.setTimestamp(2, Timestamp.from(horizon(now, service.id(), true)));
                s.setTimestamp(3, Timestamp.from(horizon(now, service.id(), false)));
                s.setInt(4, settings.batch());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        CaseFile.Case k = read(rs);
                        if (k.serviceId().equals(EXIT)) {
                            String person = rs.getString(8);
                            if (!exitPeople.contains(person)) {
                                exitPeople.add(person);
                            }
                        } else {
                            files.add(new CaseFile(k.caseId(), List.of(k)));
                        }
                    }
                }
            }
        }
        for (String person : exitPeople) {
            files.add(exitFile(c, person));
        }
        return files;
    }

    /** A case of {@code serviceId} decided that way at or before this is past its period. */
    private Instant horizon(Instant now, String serviceId, boolean positive) {
        return now.atZone(RetentionRules.ASTANA)
                .minus(rules.period(serviceId, positive))
                .toInstant();
    }

    /** Every exit case of one person: one file (002 §19), named by its first case's book number. */
    private static CaseFile exitFile(Connection c, String person) throws SQLException {
        List<CaseFile.Case> cases = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + CASE_COLUMNS + " FROM process_case "
                + "WHERE service_id = ? AND citizen_iin = ? ORDER BY opened_at, case_id")) {
            s.setString(1, EXIT);
            s.setString(2, person);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    cases.add(read(rs));
                }
            }
        }
        String key = "EXIT-" + cases.get(0).caseId();
        try (PreparedStatement s = c.prepareStatement("SELECT MIN(book_no) FROM register_exit_case WHERE case_id IN ("
                + String.join(", ", cases.stream().map(k -> "?").toList()) + ")")) {
            for (int i = 0; i < cases.size(); i++) {
                s.setString(i + 1, cases.get(i).caseId());
            }
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next() && rs.getObject(1) != null) {
                    key = "EXIT-BOOK-" + rs.getLong(1);
                }
            }
        }
        return new CaseFile(key, cases);
    }

    private static CaseFile.Case read(ResultSet rs) throws SQLException {
        Timestamp finished = rs.getTimestamp(7);
        return new CaseFile.Case(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getTimestamp(6).toInstant(),
                finished == null ? null : finished.toInstant());
    }

    /** The acts written so far, newest first, with their items (for operators and tests). */
    public List<DestructionAct> acts() {
        return DestructionActs.read(db);
    }
}
