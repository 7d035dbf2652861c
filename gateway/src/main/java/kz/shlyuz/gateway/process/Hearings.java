package kz.shlyuz.gateway.process;

import com.google.protobuf.util.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import kz.shlyuz.gateway.calendar.KazakhstanCalendar;
import kz.shlyuz.gateway.journal.JournalException;
import kz.shlyuz.gateway.services.HearingRules;
import kz.shlyuz.proto.v1.Case;
import kz.shlyuz.proto.v1.ObjectionReview;

/**
 * The right to be heard (001 §11) of one case, in table {@code case_hearing}: when internal
 * affairs' preliminary refusal reached the gateway, the consulate's latest time to deliver the
 * draft and the hearing notice, the day the applicant received it (the consulate's signed report),
 * the objection window that runs from that day, and the objection's reasons and materials, which
 * go to internal affairs' re-decision ({@link #complete}). The case's state and its
 * {@code objection_due_at} stay in {@code process_case}; this table holds what §11 adds.
 */
public final class Hearings {
    private static final String SELECT = "SELECT grounds_at, notice_due_at, delivered_on, delivery_method, "
            + "objection_due_at, objected_at, objection_reasons, objection_materials FROM case_hearing WHERE case_id = ?";

    private Hearings() {}

    /** One case's hearing as stored. */
    record Row(
            Instant groundsAt,
            Instant noticeDueAt,
            LocalDate deliveredOn,
            String method,
            Instant objectionDueAt,
            Instant objectedAt,
            String reasons,
            List<String> materials) {}

    /**
     * The consulate's latest time to deliver the draft refusal with the hearing notice: the
     * {@code draftDelivery} term from the grounds (§11 ¶1), but no later than the end of the
     * working day that leaves {@code noticeBeforeEnd} working days before the service's term ends
     * (¶2). When the grounds come so late that this day has passed, it is in the past: the
     * notice is late from the start, and the case says so at once.
     */
    static Instant noticeDue(HearingRules rules, Instant groundsAt, Instant caseDue, KazakhstanCalendar calendar) {
        Instant byDelivery = rules.draftDelivery().dueFrom(groundsAt, calendar);
        LocalDate day = caseDue.atZone(KazakhstanCalendar.ZONE).toLocalDate();
        for (int left = rules.noticeBeforeEnd().amount(); left > 0; ) {
            day = day.minusDays(1);
            if (calendar.isWorkingDay(day)) {
                left--;
            }
        }
        Instant byTermEnd =
                day.atTime(LocalTime.of(18, 30)).atZone(KazakhstanCalendar.ZONE).toInstant();
        return byDelivery.isBefore(byTermEnd) ? byDelivery : byTermEnd;
    }

    /** When the objection window opened by a delivery on {@code deliveredOn} closes (§11 ¶3: 2 wd from that day). */
    static Instant objectionDue(HearingRules rules, LocalDate deliveredOn, KazakhstanCalendar calendar) {
        Instant midday = deliveredOn
                .atTime(LocalTime.NOON)
                .atZone(KazakhstanCalendar.ZONE)
                .toInstant();
        return rules.objectionWindow().dueFrom(midday, calendar);
    }

    static void open(Tx tx, String caseId, Instant groundsAt, Instant noticeDue) throws SQLException {
        tx.update(
                "INSERT INTO case_hearing (case_id, grounds_at, notice_due_at) VALUES (?, ?, ?)",
                caseId,
                groundsAt,
                noticeDue);
    }

    /** The case's hearing; null when none was opened. */
    static Row load(Tx tx, String caseId) throws SQLException {
        PreparedStatement s = tx.prepare(SELECT);
        s.setString(1, caseId);
        try (ResultSet rs = s.executeQuery()) {
            return rs.next() ? row(rs) : null;
        }
    }

    static void delivered(Tx tx, String caseId, LocalDate on, String method, Instant objectionDue, Instant now)
            throws SQLException {
        tx.update(
                "UPDATE case_hearing SET delivered_on = ?, delivery_method = ?, delivery_recorded_at = ?, "
                        + "objection_due_at = ? WHERE case_id = ?",
                on.toString(),
                method,
                now,
                objectionDue,
                caseId);
    }

    /** Keeps the objection's reasons and materials for internal affairs (§11 ¶5). */
    static void objected(Tx tx, String caseId, String reasons, List<String> materials, Instant now)
            throws SQLException {
        tx.update(
                "UPDATE case_hearing SET objected_at = ?, objection_reasons = ?, objection_materials = ? "
                        + "WHERE case_id = ?",
                now,
                Sql.clip(reasons),
                Sql.clip(String.join("\n", materials)),
                caseId);
    }

    /**
     * Internal affairs' order for the re-decision: the case's preliminary grounds and the
     * objection's reasons and materials, as stored, added to what the step's definition built.
     */
    static ObjectionReview complete(Tx tx, CaseRecord row, ObjectionReview base) throws SQLException {
        Row h = load(tx, row.caseId);
        ObjectionReview.Builder b = base.toBuilder()
                .setGroundsCode(nz(row.resultCode))
                .setGroundsKk(nz(row.resultKk))
                .setGroundsRu(nz(row.resultRu));
        if (h != null) {
            b.setReasons(nz(h.reasons())).addAllMaterialRefs(h.materials());
            if (h.objectedAt() != null) {
                b.setObjectedAt(Timestamps.fromMillis(h.objectedAt().toEpochMilli()));
            }
        }
        return b.build();
    }

    /** What the case's cabinet shows of its hearing (nothing when it has none). */
    public static void describe(Connection c, String caseId, Case.Builder b) {
        try (PreparedStatement s = c.prepareStatement(SELECT)) {
            s.setString(1, caseId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return;
                }
                Row h = row(rs);
                b.setHearingNoticeDueAt(ts(h.noticeDueAt()));
                if (h.deliveredOn() != null) {
                    b.setDraftDeliveredOn(kz.shlyuz.proto.v1.Date.newBuilder()
                            .setYear(h.deliveredOn().getYear())
                            .setMonth(h.deliveredOn().getMonthValue())
                            .setDay(h.deliveredOn().getDayOfMonth()));
                }
                if (h.objectionDueAt() != null) {
                    b.setObjectionDueAt(ts(h.objectionDueAt()));
                }
                if (h.objectedAt() != null) {
                    b.setObjectedAt(ts(h.objectedAt()));
                }
            }
        } catch (SQLException e) {
            throw new JournalException("case hearing", e);
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        String on = rs.getString(3);
        String materials = rs.getString(8);
        return new Row(
                instant(rs.getTimestamp(1)),
                instant(rs.getTimestamp(2)),
                on == null ? null : LocalDate.parse(on),
                rs.getString(4),
                instant(rs.getTimestamp(5)),
                instant(rs.getTimestamp(6)),
                rs.getString(7),
                materials == null || materials.isEmpty() ? List.of() : Arrays.asList(materials.split("\n")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static com.google.protobuf.Timestamp ts(Instant i) {
        return Timestamps.fromMillis(i.toEpochMilli());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
