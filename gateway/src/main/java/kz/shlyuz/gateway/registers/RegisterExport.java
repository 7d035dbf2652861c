package kz.shlyuz.gateway.registers;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import kz.shlyuz.gateway.journal.JournalException;

/**
 * Reads a register and writes it as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheet
 * programs read the Cyrillic headers; dates {@code dd.MM.yyyy} in Astana), and records the export
 * as an audited act in {@code register_export}: who, when, which register and dates, how many
 * rows, where to, the file's SHA-256 and why. The audit row is committed only once the whole CSV
 * was written, in the same transaction as the read; a failed write leaves no audit and no export.
 */
public final class RegisterExport {
    static final ZoneId ASTANA = ZoneId.of("Asia/Almaty");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final DataSource db;
    private final Clock clock;

    /** @param clock the time of the audit record (wall clock) */
    public RegisterExport(DataSource db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** What an export wrote. */
    public record Exported(Register register, int rows, String sha256) {}

    /** A register's size, for {@code registers list}. */
    public record Summary(Register register, long rows, Instant first, Instant last) {}

    /**
     * Writes {@code register}'s rows dated {@code from} to {@code to} (either null: unbounded;
     * inclusive, days in Astana: the book's registration date, the journal's notification date)
     * to {@code out}, and audits the export.
     *
     * @param destination where the CSV goes, as the audit names it (a file, or {@code -} for stdout)
     * @param actor who exports (the operating-system account)
     * @param purpose why, as the operator says
     */
    public Exported export(
            Register register,
            LocalDate from,
            LocalDate to,
            OutputStream out,
            String destination,
            String actor,
            String purpose) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                int rows;
                DigestOutputStream digest = new DigestOutputStream(out, sha);
                Writer w = new OutputStreamWriter(digest, StandardCharsets.UTF_8);
                w.write('\uFEFF');
                rows = register == Register.EXIT_CASES ? exitCases(c, from, to, w) : consularJournal(c, from, to, w);
                w.flush();
                String hash = HexFormat.of().formatHex(sha.digest());
                ExportAudits.record(c, clock, register, from, to, rows, destination, hash, actor, purpose);
                c.commit();
                return new Exported(register, rows, hash);
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new JournalException("register export", e);
        } catch (IOException e) {
            throw new UncheckedIOException("register export: cannot write " + destination, e);
        }
    }

    /** Every register with its number of rows and its first and last dates. */
    public List<Summary> list() {
        List<Summary> summaries = new ArrayList<>();
        try (Connection c = db.getConnection()) {
            summaries.add(summary(c, Register.EXIT_CASES, "register_exit_case", "registered_at"));
            summaries.add(summary(c, Register.CONSULAR_JOURNAL, "register_consular_journal", "notification_date"));
        } catch (SQLException e) {
            throw new JournalException("register list", e);
        }
        return summaries;
    }

    private static Summary summary(Connection c, Register register, String table, String dated) throws SQLException {
        try (PreparedStatement s =
                        c.prepareStatement("SELECT COUNT(*), MIN(" + dated + "), MAX(" + dated + ") FROM " + table);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return new Summary(register, rs.getLong(1), instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3)));
        }
    }

    /** The exit-case book's columns: 002 annex 3, in its order, then the case and its state. */
    static final List<String> EXIT_HEADER = List.of(
            "№",
            "Тегі, аты, әкесінің аты / Фамилия, имя, отчество",
            "Туған күні / Дата рождения",
            "Паспорт және жеке куәлік № / № паспорта и удостоверения личности",
            "Шығу елі / Страна выезда",
            "ҰҚК қорытындысының күні / Дата заключения КНБ",
            "ҰҚК қорытындысының № / № заключения КНБ",
            "ІІО шешімінің күні / Дата решения ОВД",
            "ІІО шешімінің № / № решения ОВД",
            "Ескерту / Примечание",
            "Іс / Дело");

    private static int exitCases(Connection c, LocalDate from, LocalDate to, Writer w)
            throws SQLException, IOException {
        row(w, EXIT_HEADER);
        int rows = 0;
        try (PreparedStatement s = c.prepareStatement("SELECT book_no, full_name, birth_date, passport_id_no, country, "
                + "knb_opinion_date, knb_opinion_no, knb_opinion, decision_date, decision_no, outcome, grounds_code, "
                + "destroyed_act, case_id FROM register_exit_case WHERE registered_at >= ? AND registered_at < ? "
                + "ORDER BY book_no")) {
            bounds(s, from, to);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    row(
                            w,
                            List.of(
                                    Long.toString(rs.getLong(1)),
                                    text(rs.getString(2)),
                                    day(rs.getString(3)),
                                    text(rs.getString(4)),
                                    text(rs.getString(5)),
                                    day(rs.getTimestamp(6)),
                                    text(rs.getString(7)),
                                    day(rs.getTimestamp(9)),
                                    text(rs.getString(10)),
                                    exitNote(rs.getString(8), rs.getString(11), rs.getString(12), rs.getString(13)),
                                    text(rs.getString(14))));
                    rows++;
                }
            }
        }
        return rows;
    }

    /** The note column: the outcome, ҰҚК's silence (002 §12), and the act that destroyed the file. */
    static String exitNote(String knbOpinion, String outcome, String grounds, String destroyedAct) {
        List<String> notes = new ArrayList<>();
        if ("APPROVED".equals(outcome)) {
            notes.add("рұқсат берілді / разрешено");
        } else if ("REFUSED".equals(outcome)) {
            notes.add("бас тартылды / отказано" + (grounds == null ? "" : " (" + grounds + ")"));
        } else {
            notes.add("қаралуда / на рассмотрении");
        }
        if ("NO_ANSWER".equals(knbOpinion)) {
            notes.add("ҰҚК мерзімінде жауап бермеді (Нұсқаулықтың 12-т.) / КНБ не ответил в срок (п. 12 Инструкции)");
        } else if ("OBJECTION".equals(knbOpinion)) {
            notes.add("ҰҚК қарсы / КНБ возражает");
        }
        if (destroyedAct != null) {
            notes.add("іс жойылды, акт " + destroyedAct + " / дело уничтожено, акт " + destroyedAct);
        }
        return String.join("; ", notes);
    }

    /** The consulate journal's columns: 001 annex 5, in its order, then the notification and the case. */
    static final List<String> CONSULAR_HEADER = List.of(
            "№ р/с",
            "Өтініш білдірілген күн / Дата обращения",
            "Тегі, аты, әкесінің аты / Фамилия, имя, отчество",
            "Туған күні / Дата рождения",
            "Паспорт нөмірі / Номер паспорта",
            "Хабарлама берілген күн / Дата выдачи уведомления",
            "Байланыс деректері / Контактные данные",
            "Хабарлама № / № уведомления",
            "Консулдық мекеме / Загранучреждение",
            "Іс / Дело",
            "Ескерту / Примечание");

    private static int consularJournal(Connection c, LocalDate from, LocalDate to, Writer w)
            throws SQLException, IOException {
        row(w, CONSULAR_HEADER);
        int rows = 0;
        try (PreparedStatement s = c.prepareStatement("SELECT journal_no, application_date, full_name, birth_date, "
                + "passport_no, notification_date, contacts, notification_no, consulate, case_id, destroyed_act "
                + "FROM register_consular_journal WHERE notification_date >= ? AND notification_date < ? "
                + "ORDER BY journal_no")) {
            bounds(s, from, to);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String act = rs.getString(11);
                    row(
                            w,
                            List.of(
                                    Long.toString(rs.getLong(1)),
                                    day(rs.getTimestamp(2)),
                                    text(rs.getString(3)),
                                    day(rs.getString(4)),
                                    text(rs.getString(5)),
                                    day(rs.getTimestamp(6)),
                                    text(rs.getString(7)),
                                    text(rs.getString(8)),
                                    text(rs.getString(9)),
                                    text(rs.getString(10)),
                                    act == null ? "" : "іс жойылды, акт " + act + " / дело уничтожено, акт " + act));
                    rows++;
                }
            }
        }
        return rows;
    }

    private static void bounds(PreparedStatement s, LocalDate from, LocalDate to) throws SQLException {
        Instant start = from == null ? Instant.EPOCH : from.atStartOfDay(ASTANA).toInstant();
        Instant end = to == null
                ? Instant.parse("9999-12-31T00:00:00Z")
                : to.plusDays(1).atStartOfDay(ASTANA).toInstant();
        s.setTimestamp(1, Timestamp.from(start));
        s.setTimestamp(2, Timestamp.from(end));
    }

    /** The exports so far, oldest first. */
    public List<ExportAudits.Audit> audits() {
        return ExportAudits.read(db);
    }

    private static void row(Writer w, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(quoted(cells.get(i)));
        }
        w.write("\r\n");
    }

    /** RFC 4180: a cell with a comma, quote or line break is quoted, its quotes doubled. */
    static String quoted(String cell) {
        // A leading = + - @ would make a spreadsheet evaluate the cell: such a cell starts with a quote mark.
        String safe = !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
        boolean quote = safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r");
        return quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static String day(Timestamp t) {
        return t == null ? "" : DAY.format(t.toInstant().atZone(ASTANA));
    }

    /** An ISO date as stored (yyyy-MM-dd) in the register's form. */
    private static String day(String isoDate) {
        return isoDate == null ? "" : DAY.format(LocalDate.parse(isoDate));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static String clip(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
