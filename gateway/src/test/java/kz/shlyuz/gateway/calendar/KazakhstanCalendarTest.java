package kz.shlyuz.gateway.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KazakhstanCalendarTest {
    private final KazakhstanCalendar calendar = new KazakhstanCalendar();

    @Test
    void weekendsAndFixedHolidaysAreNotWorkingDays() {
        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 11, 21)), "Saturday");
        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 11, 22)), "Sunday");
        assertTrue(calendar.isWorkingDay(LocalDate.of(2026, 11, 23)), "Monday");
        for (String holiday : new String[] {
            "2026-01-01",
            "2026-01-02",
            "2026-01-07",
            "2026-03-23",
            "2026-05-01",
            "2026-05-07",
            "2026-07-06",
            "2026-10-26",
            "2026-12-16",
            "2027-03-08",
            "2027-08-30"
        }) {
            assertFalse(calendar.isWorkingDay(LocalDate.parse(holiday)), holiday);
        }
    }

    @Test
    void kurbanAitIsADayOffOnItsLunarDate() {
        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 5, 27)));
        assertTrue(calendar.isWorkingDay(LocalDate.of(2026, 5, 28)));
        assertFalse(calendar.isWorkingDay(LocalDate.of(2025, 6, 6)));
    }

    @Test
    void aSecularHolidayOnAWeekendMovesTheDayOffToTheNextWorkingDay() {
        // 25 October 2026 (Republic Day) is a Sunday: Monday 26 October is off.
        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 10, 26)));
        // 21–22 March 2026 fall on the weekend, 23 March is a holiday anyway: 24 and 25 March are off.
        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 3, 24)));
        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 3, 25)));
        assertTrue(calendar.isWorkingDay(LocalDate.of(2026, 3, 26)));
        // 7 January (Orthodox Christmas) does not move: in 2024 it is a Sunday and Monday 8th is worked.
        assertTrue(calendar.isWorkingDay(LocalDate.of(2024, 1, 8)));
    }

    @Test
    void workingDaysSkipWeekendsAndHolidays() {
        // Friday 20 Nov 2026 + 2 working days = Tuesday 24 Nov.
        assertEquals(LocalDate.of(2026, 11, 24), calendar.plusWorkingDays(LocalDate.of(2026, 11, 20), 2));
        // Tuesday 15 Dec 2026 + 1 = Thursday 17 Dec (16 Dec is Independence Day).
        assertEquals(LocalDate.of(2026, 12, 17), calendar.plusWorkingDays(LocalDate.of(2026, 12, 15), 1));
        // Thursday 31 Dec 2026 + 1: 1 Jan is Friday, 2 Jan a Saturday (moved to Monday 4 Jan) → Tuesday 5 Jan.
        assertEquals(LocalDate.of(2027, 1, 5), calendar.plusWorkingDays(LocalDate.of(2026, 12, 31), 1));
    }

    @Test
    void termsEndAtTheCloseOfTheWorkingDayInAstana() {
        Instant friday = Instant.parse("2026-11-20T04:00:00Z");
        assertEquals(Instant.parse("2026-11-24T13:30:00Z"), Term.workingDays(2).dueFrom(friday, calendar));
        assertEquals(Instant.parse("2026-11-30T13:30:00Z"), Term.days(10).dueFrom(friday, calendar));
        assertEquals(Instant.parse("2026-11-20T05:00:00Z"), Term.hours(1).dueFrom(friday, calendar));
        // Three months end on Saturday 20 Feb 2027: the term ends on Monday 22 Feb.
        assertEquals(Instant.parse("2027-02-22T13:30:00Z"), Term.months(3).dueFrom(friday, calendar));
        // 30 calendar days from Friday 20 Nov end on Sunday 20 Dec: Monday 21 Dec.
        assertEquals(Instant.parse("2026-12-21T13:30:00Z"), Term.days(30).dueFrom(friday, calendar));
        // Hours run through the night and the weekend as they are.
        assertEquals(Instant.parse("2026-11-21T04:00:00Z"), Term.hours(24).dueFrom(friday, calendar));
    }

    @Test
    void aYearOutsideTheTableFollowsTheProvisionalRuleInsteadOfFailing() {
        assertEquals(KazakhstanCalendar.Basis.TABLE, calendar.basis(2028));
        assertEquals(KazakhstanCalendar.Basis.PROVISIONAL, calendar.basis(2031));
        // Kurban ait 2031 by the Umm al-Qura calendar: Wednesday 2 April.
        assertFalse(calendar.isWorkingDay(LocalDate.of(2031, 4, 2)));
        assertTrue(calendar.isWorkingDay(LocalDate.of(2031, 4, 3)));
        // The statutory holidays hold: Independence Day 2031 is a Tuesday.
        assertFalse(calendar.isWorkingDay(LocalDate.of(2031, 12, 16)));
        // A working-day term crossing from the table's last year into a provisional one.
        assertEquals(LocalDate.of(2029, 1, 3), calendar.plusWorkingDays(LocalDate.of(2028, 12, 29), 1));
    }

    @Test
    void theUmmAlQuraRuleGivesTheAnnouncedKurbanAitDates() {
        CalendarYears shipped = CalendarYears.shipped();
        for (int year : List.of(2024, 2025, 2026)) {
            assertEquals(
                    List.of(shipped.year(year).orElseThrow().kurbanAit()),
                    KazakhstanCalendar.lunarKurbanAit(year),
                    Integer.toString(year));
        }
    }

    @Test
    void theGovernmentsTransfersFromTheCalendarFileMoveDaysOffAndWorkedSaturdays(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("calendar.json");
        Files.writeString(file, """
                {"years": [{"year": 2029, "kurbanAit": "2029-04-24", "source": "resolution (test)",
                  "transfers": [{"dayOff": "2029-01-03", "workday": "2029-01-06"}]}]}
                """);
        KazakhstanCalendar withFile = new KazakhstanCalendar(CalendarYears.shippedWith(file));
        assertEquals(KazakhstanCalendar.Basis.TABLE, withFile.basis(2029));
        assertFalse(withFile.isWorkingDay(LocalDate.of(2029, 1, 3)), "a Wednesday given off");
        assertTrue(withFile.isWorkingDay(LocalDate.of(2029, 1, 6)), "the Saturday worked instead");
        assertFalse(withFile.isWorkingDay(LocalDate.of(2029, 4, 24)), "Kurban ait as the file says");
        assertEquals(KazakhstanCalendar.Basis.TABLE, withFile.basis(2026), "the shipped years stay");
    }

    @Test
    void aMalformedCalendarFileIsRefusedWithTheYearAndWhatIsExpected(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("calendar.json");
        Files.writeString(file, "{\"years\": [{\"year\": 2029, \"kurbanAit\": \"24.04.2029\", \"transfers\": []}]}");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> CalendarYears.shippedWith(file));
        assertTrue(e.getMessage().contains("year 2029"), e.getMessage());
        assertTrue(e.getMessage().contains("2026-05-27"), e.getMessage());
    }
}
