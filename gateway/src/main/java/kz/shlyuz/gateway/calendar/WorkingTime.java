package kz.shlyuz.gateway.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * Time counted in the provider's working hours: 9:00–18:30 in Astana on the calendar's working
 * days (000 §8; the services' standards give the same hours). Seed 003 writes its terms in hours
 * and minutes («1 (бір) сағат ішінде», «20 минут») without saying "working"; they are the
 * provider's office terms, so an hour not worked is not counted: a Submit at 18:00 on a Friday
 * with a one-hour term is due on Monday at 9:30, and nothing runs out at night or on a weekend.
 * (The seed does not name a lunch break, so none is deducted.)
 */
public final class WorkingTime {
    /** When the provider's working day opens. */
    public static final LocalTime OPEN = LocalTime.of(9, 0);
    /** When it closes (000 §8). */
    public static final LocalTime CLOSE = Term.CLOSE_OF_DAY;

    private WorkingTime() {}

    /**
     * The instant {@code amount} of working time after {@code start}: time before the opening,
     * after the close and on days that are not working days does not count.
     */
    public static Instant plus(Instant start, Duration amount, KazakhstanCalendar calendar) {
        Objects.requireNonNull(calendar, "calendar");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("amount: " + amount + " (expected: >= 0)");
        }
        ZonedDateTime at = start.atZone(KazakhstanCalendar.ZONE);
        Duration left = amount;
        LocalDate day = at.toLocalDate();
        ZonedDateTime from = at;
        while (true) {
            if (!calendar.isWorkingDay(day) || !from.toLocalTime().isBefore(CLOSE)) {
                day = calendar.nextWorkingDay(day);
                from = day.atTime(OPEN).atZone(KazakhstanCalendar.ZONE);
                continue;
            }
            if (from.toLocalTime().isBefore(OPEN)) {
                from = day.atTime(OPEN).atZone(KazakhstanCalendar.ZONE);
            }
            ZonedDateTime close = day.atTime(CLOSE).atZone(KazakhstanCalendar.ZONE);
            Duration today = Duration.between(from, close);
            if (left.compareTo(today) <= 0) {
                return from.plus(left).toInstant();
            }
            left = left.minus(today);
            day = calendar.nextWorkingDay(day);
            from = day.atTime(OPEN).atZone(KazakhstanCalendar.ZONE);
        }
    }
}
