package kz.shlyuz.gateway.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * A term as a regulation writes it: "10 минут", "2 сағат", "10 күн" (calendar days), "2 жұмыс
 * күні" (working days), "бір ай". A term in days ends at the end (18:30, the close of a working
 * day, 000 §8) of its last day in Kazakhstan's time; a last day that is not a working day gives way to
 * the next working day.
 */
public record Term(int amount, Unit unit) {
    /** When a working day closes (000 §8: 9:00–18:30). */
    static final LocalTime CLOSE_OF_DAY = LocalTime.of(18, 30);

    public enum Unit {
        MINUTES,
        HOURS,
        CALENDAR_DAYS,
        WORKING_DAYS,
        MONTHS,
        /** Hours of the provider's working time ({@link WorkingTime}): 003's «1 сағат». */
        WORKING_HOURS,
        /** Minutes of the provider's working time ({@link WorkingTime}): 003's «20 минут». */
        WORKING_MINUTES
    }

    public Term {
        Objects.requireNonNull(unit, "unit");
        if (amount < 0) {
            throw new IllegalArgumentException("amount: " + amount + " (expected: >= 0)");
        }
    }

    public static Term minutes(int n) {
        return new Term(n, Unit.MINUTES);
    }

    public static Term hours(int n) {
        return new Term(n, Unit.HOURS);
    }

    public static Term days(int n) {
        return new Term(n, Unit.CALENDAR_DAYS);
    }

    public static Term workingDays(int n) {
        return new Term(n, Unit.WORKING_DAYS);
    }

    public static Term months(int n) {
        return new Term(n, Unit.MONTHS);
    }

    /** Hours counted in the provider's working time (9:00–18:30 on working days). */
    public static Term workingHours(int n) {
        return new Term(n, Unit.WORKING_HOURS);
    }

    /** Minutes counted in the provider's working time (9:00–18:30 on working days). */
    public static Term workingMinutes(int n) {
        return new Term(n, Unit.WORKING_MINUTES);
    }

    /** When the term started at {@code start} runs out. */
    public Instant dueFrom(Instant start, KazakhstanCalendar calendar) {
        ZonedDateTime local = start.atZone(KazakhstanCalendar.ZONE);
        return switch (unit) {
            case MINUTES -> start.plus(Duration.ofMinutes(amount));
            case HOURS -> start.plus(Duration.ofHours(amount));
            case CALENDAR_DAYS -> endOfDay(onWorkingDay(local.toLocalDate().plusDays(amount), calendar));
            case WORKING_DAYS -> endOfDay(calendar.plusWorkingDays(local.toLocalDate(), amount));
            case MONTHS -> endOfDay(onWorkingDay(local.toLocalDate().plusMonths(amount), calendar));
            case WORKING_HOURS -> WorkingTime.plus(start, Duration.ofHours(amount), calendar);
            case WORKING_MINUTES -> WorkingTime.plus(start, Duration.ofMinutes(amount), calendar);
        };
    }

    /**
     * A term in calendar days or months whose last day is not a working day ends on the next
     * working day (the Civil Code's rule for the end of a term; the seeds are silent, and a citizen
     * cannot be served, nor an office answer, on a Sunday). Minutes and hours run as they are.
     */
    private static LocalDate onWorkingDay(LocalDate last, KazakhstanCalendar calendar) {
        return calendar.isWorkingDay(last) ? last : calendar.nextWorkingDay(last);
    }

    private static Instant endOfDay(LocalDate day) {
        return day.atTime(CLOSE_OF_DAY).atZone(KazakhstanCalendar.ZONE).toInstant();
    }

    /** As the regulation writes it, in Kazakh. */
    public String kazakh() {
        return amount
                + switch (unit) {
                    case MINUTES -> " минут";
                    case HOURS -> " сағат";
                    case CALENDAR_DAYS -> " күнтізбелік күн";
                    case WORKING_DAYS -> " жұмыс күні";
                    case MONTHS -> " ай";
                    case WORKING_HOURS -> " жұмыс сағаты";
                    case WORKING_MINUTES -> " минут (жұмыс уақытында)";
                };
    }

    /** As the regulation writes it, in Russian. */
    public String russian() {
        return amount
                + switch (unit) {
                    case MINUTES -> " мин.";
                    case HOURS -> " ч.";
                    case CALENDAR_DAYS -> " календарных дн.";
                    case WORKING_DAYS -> " рабочих дн.";
                    case MONTHS -> " мес.";
                    case WORKING_HOURS -> " ч. рабочего времени";
                    case WORKING_MINUTES -> " мин. рабочего времени";
                };
    }
}
