package kz.shlyuz.gateway.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.gateway.journal.JournalDatabase;
import kz.shlyuz.gateway.registers.ExportAudits;
import kz.shlyuz.gateway.registers.Register;
import kz.shlyuz.gateway.registers.RegisterExport;
import kz.shlyuz.proto.v1.ConsularPermanentStayRequest;
import kz.shlyuz.proto.v1.Contacts;
import kz.shlyuz.proto.v1.Date;
import kz.shlyuz.proto.v1.ExitPermanentResidenceRequest;
import kz.shlyuz.proto.v1.PersonName;
import kz.shlyuz.proto.v1.SubmitAck;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * 002 §19 (annex 3) and 001 §13 (annex 5): the exit-case book and the consulate's journal are
 * written as cases move through TLS, and an operator's CSV export of either is an audited act.
 */
class RegistersTest {

    static ExitPermanentResidenceRequest exit(Persona p) {
        return ExitRequests.of(p);
    }

    static ConsularPermanentStayRequest consular(Persona p, String passport) {
        return ConsularPermanentStayTest.form(p).toBuilder()
                .setName(name(p))
                .setContacts(Contacts.newBuilder().setPhone("+4969123456").setEmail("aidar@example.de"))
                .setConsulate("Генконсульство во Франкфурте")
                .setPassportNumber(passport)
                .build();
    }

    private static PersonName name(Persona p) {
        return PersonName.newBuilder()
                .setSurname(p.surname())
                .setGivenName(p.givenName())
                .setPatronymic(p.patronymic())
                .build();
    }

    private static Date date(Persona p) {
        return Date.newBuilder()
                .setYear(p.birthDate().getYear())
                .setMonth(p.birthDate().getMonthValue())
                .setDay(p.birthDate().getDayOfMonth())
                .build();
    }

    @Test
    @DisplayName("002 §19 annex 3 and 001 §13 annex 5: the exit-case book and the consulate's journal fill as cases"
            + " move, and their CSV export is audited")
    void exitBookAndConsularJournalFillAsCasesMoveAndExportAsAuditedCsv() throws Exception {
        try (AsyncEnvironment env = new AsyncEnvironment(Set.of());
                HikariDataSource db = JournalDatabase.open(env.config.journal())) {
            SubmitAck approved = env.submit("hkko", "EXIT_PERMANENT_RESIDENCE", exit(Persona.CLEAN), "hkko-operator");
            env.awaitState("hkko", approved.getCaseId(), "APPROVED");
            SubmitAck refused =
                    env.submit("hkko", "EXIT_PERMANENT_RESIDENCE", exit(Persona.TAX_DEBTOR), "hkko-operator");
            env.awaitState("hkko", refused.getCaseId(), "REFUSED");
            SubmitAck stay = env.submit(
                    "burkit", "CONSULAR_PERMANENT_STAY", consular(Persona.CLEAN, "N12345678"), "consular-officer");
            var stayDone = env.awaitState("burkit", stay.getCaseId(), "APPROVED");
            // A preliminary refusal grants nothing: the journal is of those granted permanent stay.
            SubmitAck convicted = env.submit(
                    "burkit", "CONSULAR_PERMANENT_STAY", consular(Persona.CONVICTED, "N99999999"), "consular-officer");
            env.awaitState("burkit", convicted.getCaseId(), "PRELIMINARY_REFUSAL");

            RegisterExport export = new RegisterExport(db, Clock.systemUTC());
            ByteArrayOutputStream book = new ByteArrayOutputStream();
            RegisterExport.Exported exported =
                    export.export(Register.EXIT_CASES, null, null, book, "test-book.csv", "inspector", "annual check");
            List<String> lines = lines(book);
            assertEquals(
                    "№,\"Тегі, аты, әкесінің аты / Фамилия, имя, отчество\",Туған күні / Дата рождения,"
                            + "Паспорт және жеке куәлік № / № паспорта и удостоверения личности,Шығу елі / Страна выезда,"
                            + "ҰҚК қорытындысының күні / Дата заключения КНБ,ҰҚК қорытындысының № / № заключения КНБ,"
                            + "ІІО шешімінің күні / Дата решения ОВД,ІІО шешімінің № / № решения ОВД,"
                            + "Ескерту / Примечание,Іс / Дело",
                    lines.get(0));
            assertEquals(3, lines.size(), lines.toString());
            assertEquals(2, exported.rows());
            String[] first = lines.get(1).split(",", -1);
            assertEquals("1", first[0]);
            assertEquals("ЖАНИБЕКОВ АЙДАР СЕРИКҰЛЫ", first[1]);
            assertEquals("14.03.1990", first[2]);
            ExitPermanentResidenceRequest sent = exit(Persona.CLEAN);
            assertEquals(
                    sent.getPassport().getNumber().isBlank()
                            ? sent.getIdCard().getNumber()
                            : sent.getPassport().getNumber() + " / "
                                    + sent.getIdCard().getNumber(),
                    first[3],
                    "the passport and ID numbers the questionnaire declares");
            assertEquals("DE", first[4]);
            assertEquals("20.11.2026", first[5], "ҰҚК's consent, the day it answered");
            assertTrue(
                    first[6].startsWith("step-"), "the request under which ҰҚК's signed answer is kept: " + first[6]);
            assertEquals("20.11.2026", first[7]);
            assertTrue(first[8].startsWith("EX-"), "the exit permit: " + first[8]);
            assertEquals("рұқсат берілді / разрешено", first[9]);
            assertEquals(approved.getCaseId(), first[10]);
            String[] second = lines.get(2).split(",", -1);
            assertEquals("2", second[0]);
            assertEquals("ОМАРОВА БОТАГӨЗ ЕРЛАНҚЫЗЫ", second[1]);
            assertEquals("20.11.2026", second[7], "the refusal's date");
            assertEquals("", second[8], "a refusal gives no permit number");
            assertEquals("бас тартылды / отказано (TAX_DEBT)", second[9]);

            ByteArrayOutputStream journal = new ByteArrayOutputStream();
            export.export(Register.CONSULAR_JOURNAL, null, null, journal, "-", "consul", "report to the MFA");
            List<String> journalLines = lines(journal);
            assertEquals(2, journalLines.size(), journalLines.toString());
            String[] row = journalLines.get(1).split(",", -1);
            assertEquals("1", row[0]);
            assertEquals("20.11.2026", row[1]);
            assertEquals("ЖАНИБЕКОВ АЙДАР СЕРИКҰЛЫ", row[2]);
            assertEquals("14.03.1990", row[3]);
            assertEquals("N12345678", row[4]);
            assertEquals("20.11.2026", row[5]);
            assertEquals("'+4969123456; aidar@example.de", row[6], "a leading + is kept from spreadsheet formulas");
            assertTrue(row[7].startsWith("PD-"), "the police department's decision (annex 4): " + row[7]);
            assertEquals(
                    stayDone.getStepsList().stream()
                            .filter(s -> s.getName().equals("PERMANENT_STAY_NOTIFICATION"))
                            .findFirst()
                            .orElseThrow()
                            .getResult(),
                    row[7]);
            assertEquals(stay.getCaseId(), row[9]);

            // Dates are the book's registration days in Astana: none after the 20th.
            ByteArrayOutputStream none = new ByteArrayOutputStream();
            RegisterExport.Exported later = export.export(
                    Register.EXIT_CASES, LocalDate.of(2026, 11, 21), null, none, "-", "inspector", "later");
            assertEquals(0, later.rows());
            assertEquals(1, lines(none).size(), "the header alone");

            // Every export is recorded: who, when, what, how many rows, the file's SHA-256, why.
            List<ExportAudits.Audit> audits = export.audits();
            assertEquals(3, audits.size());
            ExportAudits.Audit audit = audits.get(0);
            assertEquals("inspector", audit.actor());
            assertEquals("exit-cases", audit.register());
            assertEquals(2, audit.rows());
            assertEquals("test-book.csv", audit.destination());
            assertEquals("annual check", audit.purpose());
            assertEquals(
                    HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(book.toByteArray())),
                    audit.sha256());
            assertEquals("2026-11-21", audits.get(2).from());
        }
    }

    /** The CSV's lines, without the byte-order mark. */
    private static List<String> lines(ByteArrayOutputStream csv) {
        String text = csv.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF"), "UTF-8 with a byte-order mark");
        return List.of(text.substring(1).split("\r\n"));
    }
}
