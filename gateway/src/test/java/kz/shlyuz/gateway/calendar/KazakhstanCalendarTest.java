package kz.shlyuz.gateway.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

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
        assertEquals(Instant.parse("2027-02-20T13:30:00Z"), Term.months(3).dueFrom(friday, calendar));
    }

    @Test
    void aYearWithoutAKnownKurbanAitDateIsRefusedNotGuessed() {
        assertThrows(IllegalArgumentException.class, () -> calendar.isWorkingDay(LocalDate.of(2031, 6, 2)));
    }
}
