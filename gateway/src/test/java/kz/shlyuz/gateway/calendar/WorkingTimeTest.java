package kz.shlyuz.gateway.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class WorkingTimeTest {
    private final KazakhstanCalendar calendar = new KazakhstanCalendar();

    private static Instant almaty(String at) {
        return LocalDateTime.parse(at).atZone(KazakhstanCalendar.ZONE).toInstant();
    }

    @Test
    void anHourFromFridayEveningEndsOnMondayMorning() {
        assertEquals(almaty("2026-11-23T09:30"), Term.workingHours(1).dueFrom(almaty("2026-11-20T18:00"), calendar));
    }

    @Test
    void timeAtNightOrOnAWeekendIsNotCounted() {
        assertEquals(almaty("2026-11-24T10:00"), Term.workingHours(1).dueFrom(almaty("2026-11-23T23:10"), calendar));
        assertEquals(almaty("2026-11-23T09:20"), Term.workingMinutes(20).dueFrom(almaty("2026-11-21T12:00"), calendar));
        assertEquals(almaty("2026-11-20T10:00"), Term.workingHours(1).dueFrom(almaty("2026-11-20T09:00"), calendar));
    }

    @Test
    void holidaysAreSkippedLikeWeekends() {
        // 16 December 2026, Independence Day, is a Wednesday.
        assertEquals(
                almaty("2026-12-17T10:50"), Term.workingMinutes(200).dueFrom(almaty("2026-12-15T17:00"), calendar));
    }
}
