package kz.shlyuz.gateway.console.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import kz.shlyuz.certs.identity.Iin;
import kz.shlyuz.gateway.journal.JournalException;

/** Lists cases by service, state and agency, newest first, each with its steps. */
public final class CaseList {
    private static final Duration SOON = Duration.ofDays(1);
    private static final String COLUMNS = "case_id, sender, message_id, service_id, citizen_iin, state, opened_at, "
            + "due_at, finished_at, result_code";
    private static final String STEPS = "SELECT step_name, stage, adapter, state, started_at, due_at, finished_at, "
            + "result_code FROM process_step WHERE case_id = ? ORDER BY stage, step_name";

    private final DataSource db;
    private final Clock processClock;

    public CaseList(DataSource db, Clock processClock) {
        this.db = db;
        this.processClock = processClock;
    }

    /**
     * One page of cases.
     *
     * @param agency an adapter name: cases with a step at that agency
     * @param unmask show applicants' IINs in full (the caller audits the view)
     */
    public List<CaseView> list(
            String service, String state, String agency, String caseId, int page, int size, boolean unmask) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM process_case WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (caseId != null) {
            sql.append(" AND case_id = ?");
            args.add(caseId);
        }
        if (service != null) {
            sql.append(" AND service_id = ?");
            args.add(service);
        }
        if (state != null) {
            sql.append(" AND state = ?");
            args.add(state);
        }
        if (agency != null) {
            sql.append(" AND case_id IN (SELECT case_id FROM process_step WHERE adapter = ?)");
            args.add(agency);
        }
        sql.append(" ORDER BY opened_at DESC, case_id OFFSET ? ROWS FETCH FIRST ? ROWS ONLY");
        args.add((long) page * size);
        args.add(size);
        Instant now = processClock.instant();
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                s.setObject(i + 1, args.get(i));
            }
            List<CaseView> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    String iin = rs.getString(5);
                    Instant due = rs.getTimestamp(8).toInstant();
                    Instant finished = instant(rs.getTimestamp(9));
                    out.add(new CaseView(
                            id,
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            unmask ? iin : Iin.mask(iin),
                            rs.getString(6),
                            rs.getTimestamp(7).toInstant(),
                            due,
                            finished,
                            rs.getString(10),
                            finished == null && due.isBefore(now),
                            finished == null && !due.isBefore(now) && due.isBefore(now.plus(SOON)),
                            steps(c, id, now)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new JournalException("console case list", e);
        }
    }

    private static List<CaseView.Step> steps(Connection c, String caseId, Instant now) throws SQLException {
        List<CaseView.Step> steps = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(STEPS)) {
            s.setString(1, caseId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Instant due = rs.getTimestamp(6).toInstant();
                    Instant finished = instant(rs.getTimestamp(7));
                    steps.add(new CaseView.Step(
                            rs.getString(1),
                            rs.getInt(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getTimestamp(5).toInstant(),
                            due,
                            finished,
                            rs.getString(8),
                            finished == null && due.isBefore(now),
                            finished == null && !due.isBefore(now) && due.isBefore(now.plus(SOON))));
                }
            }
        }
        return steps;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
