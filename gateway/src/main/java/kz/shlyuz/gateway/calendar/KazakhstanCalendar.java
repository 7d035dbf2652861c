package kz.shlyuz.gateway.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Working days in Kazakhstan: Monday to Friday except public holidays (Labour Code art. 84,
 * Law "On holidays"). Fixed holidays: 1–2 January, 7 January (Orthodox Christmas), 8 March,
 * 21–23 March (Nauryz), 1 May, 7 May, 9 May, 6 July, 30 August, 25 October, 16 December; and
 * the first day of Kurban ait, whose date follows the lunar calendar and is set each year.
 * A secular holiday that falls on a weekend moves the day off to the next working day; the
 * religious ones (7 January, Kurban ait) do not move. Day-off transfers the government decrees
 * ad hoc are not modelled. Years without a known Kurban ait date are refused rather than guessed.
 */
public final class KazakhstanCalendar {
    /** Kazakhstan has used one time zone, UTC+5, since 1 March 2024. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Almaty");

    private static final List<MonthDay> SECULAR = List.of(
            MonthDay.of(1, 1),
            MonthDay.of(1, 2),
            MonthDay.of(3, 8),
            MonthDay.of(3, 21),
            MonthDay.of(3, 22),
            MonthDay.of(3, 23),
            MonthDay.of(5, 1),
            MonthDay.of(5, 7),
            MonthDay.of(5, 9),
            MonthDay.of(7, 6),
            MonthDay.of(8, 30),
            MonthDay.of(10, 25),
            MonthDay.of(12, 16));
    private static final MonthDay ORTHODOX_CHRISTMAS = MonthDay.of(1, 7);
    /** First day of Kurban ait, as the government announced it. */
    private static final Map<Integer, LocalDate> KURBAN_AIT = Map.of(
            2024, LocalDate.of(2024, 6, 16),
            2025, LocalDate.of(2025, 6, 6),
            2026, LocalDate.of(2026, 5, 27),
            2027, LocalDate.of(2027, 5, 16),
            2028, LocalDate.of(2028, 5, 5));

    private final Map<Integer, Set<LocalDate>> daysOffByYear = new java.util.concurrent.ConcurrentHashMap<>();

    /** True on a day people work: not a weekend, not a holiday, not a holiday's moved day off. */
    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
            return false;
        }
        return !daysOff(date.getYear()).contains(date);
    }

    /** The first working day strictly after {@code date}. */
    public LocalDate nextWorkingDay(LocalDate date) {
        LocalDate d = date.plusDays(1);
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /**
     * The day {@code n} working days after {@code start}: the start day itself does not count
     * (an application made on Friday with a term of 2 working days is due at the end of Tuesday).
     */
    public LocalDate plusWorkingDays(LocalDate start, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n: " + n + " (expected: >= 0)");
        }
        LocalDate d = start;
        for (int i = 0; i < n; i++) {
            d = nextWorkingDay(d);
        }
        return d;
    }

    private Set<LocalDate> daysOff(int year) {
        return daysOffByYear.computeIfAbsent(year, KazakhstanCalendar::computeDaysOff);
    }

    private static Set<LocalDate> computeDaysOff(int year) {
        LocalDate kurban = KURBAN_AIT.get(year);
        if (kurban == null) {
            throw new IllegalArgumentException("year: " + year + " (expected: one of " + KURBAN_AIT.keySet()
                    + "; the date of Kurban ait must be added for it)");
        }
        Set<LocalDate> off = new HashSet<>();
        off.add(ORTHODOX_CHRISTMAS.atYear(year));
        off.add(kurban);
        for (MonthDay day : SECULAR) {
            off.add(day.atYear(year));
        }
        // A secular holiday on a weekend gives the next working day off (in order, so that two
        // weekend holidays in a row move to two different days).
        for (MonthDay day : SECULAR) {
            LocalDate holiday = day.atYear(year);
            DayOfWeek dow = holiday.getDayOfWeek();
            if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
                LocalDate moved = holiday.plusDays(1);
                while (moved.getDayOfWeek() == DayOfWeek.SATURDAY
                        || moved.getDayOfWeek() == DayOfWeek.SUNDAY
                        || off.contains(moved)) {
                    moved = moved.plusDays(1);
                }
                off.add(moved);
            }
        }
        return Set.copyOf(off);
    }
}
