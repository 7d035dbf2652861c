package kz.shlyuz.gateway.calendar;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.chrono.HijrahChronology;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Working days in Kazakhstan: Monday to Friday except public holidays (Labour Code art. 84,
 * Law "On holidays"). Fixed holidays: 1–2 January, 7 January (Orthodox Christmas), 8 March,
 * 21–23 March (Nauryz), 1 May, 7 May, 9 May, 6 July, 30 August, 25 October, 16 December; and
 * the first day of Kurban ait, whose date follows the lunar calendar and is set each year.
 * A secular holiday that falls on a weekend moves the day off to the next working day; the
 * religious ones (7 January, Kurban ait) do not move.
 *
 * <p>Known years come from {@link CalendarYears} (Kurban ait as announced, the Government's
 * yearly day-off transfers). A year not listed there is computed by a <em>provisional</em> rule
 * rather than refused, so that a term reaching into it never makes a Submit fail: the statutory
 * holidays with their weekend moves, Kurban ait on 10 Dhu al-Hijjah of the Umm al-Qura calendar
 * (it gives the announced dates of 2024–2026), and no transfers. {@link #basis} says which
 * applies, and the first use of a provisional year is logged as a warning, once.
 */
public final class KazakhstanCalendar {
    private static final Logger log = LoggerFactory.getLogger(KazakhstanCalendar.class);

    /** Kazakhstan has used one time zone, UTC+5, since 1 March 2024. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Almaty");

    /** Where a year's days off come from. */
    public enum Basis {
        /** Listed in the calendar table: Kurban ait as announced, the Government's transfers. */
        TABLE,
        /** Not listed: statutory holidays, Kurban ait by the Umm al-Qura calendar, no transfers known. */
        PROVISIONAL
    }

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

    private final CalendarYears table;
    private final Map<Integer, Days> daysByYear = new ConcurrentHashMap<>();

    /** The days off of one year: holidays and moved days off, and weekend days worked by a transfer. */
    private record Days(Set<LocalDate> off, Set<LocalDate> worked) {}

    /** With the table shipped in this release. */
    public KazakhstanCalendar() {
        this(CalendarYears.shipped());
    }

    public KazakhstanCalendar(CalendarYears table) {
        this.table = table;
    }

    /** Whether {@code year}'s days off are known from the table or computed by the provisional rule. */
    public Basis basis(int year) {
        return table.year(year).isPresent() ? Basis.TABLE : Basis.PROVISIONAL;
    }

    /** True on a day people work: not a weekend, not a holiday, not a holiday's moved day off. */
    public boolean isWorkingDay(LocalDate date) {
        Days days = days(date.getYear());
        if (days.worked().contains(date)) {
            return true;
        }
        DayOfWeek dow = date.getDayOfWeek();
        if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
            return false;
        }
        return !days.off().contains(date);
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

    private Days days(int year) {
        return daysByYear.computeIfAbsent(year, this::computeDays);
    }

    private Days computeDays(int year) {
        java.util.Optional<CalendarYears.Year> known = table.year(year);
        Set<LocalDate> off = new HashSet<>();
        Set<LocalDate> worked = new HashSet<>();
        off.add(ORTHODOX_CHRISTMAS.atYear(year));
        if (known.isPresent()) {
            off.add(known.get().kurbanAit());
        } else {
            List<LocalDate> kurban = lunarKurbanAit(year);
            off.addAll(kurban);
            log.warn(
                    "calendar: {} is not in the calendar table; its days off follow the provisional rule (statutory "
                            + "holidays, Kurban ait {} by the Umm al-Qura calendar, no Government transfers): add the "
                            + "year to the file named by process.calendarFile once its resolution is published",
                    year,
                    kurban);
        }
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
        known.ifPresent(y -> y.transfers().forEach(t -> {
            off.add(t.dayOff());
            if (t.workday() != null) {
                worked.add(t.workday());
            }
        }));
        return new Days(Set.copyOf(off), Set.copyOf(worked));
    }

    /**
     * 10 Dhu al-Hijjah in {@code year} by the Umm al-Qura calendar (twice in a year about every 33
     * years); none outside the calendar's range (1882–2174), where only the secular holidays count.
     */
    static List<LocalDate> lunarKurbanAit(int year) {
        List<LocalDate> days = new ArrayList<>();
        // The Hijri year runs about 11 days shorter: the Hijri years whose 10 Dhu al-Hijjah can fall in `year`.
        int approx = (int) Math.round((year - 622) * 365.2425 / 354.367);
        for (int hijri = approx - 2; hijri <= approx + 2; hijri++) {
            try {
                LocalDate d = LocalDate.from(HijrahChronology.INSTANCE.date(hijri, 12, 10));
                if (d.getYear() == year) {
                    days.add(d);
                }
            } catch (DateTimeException outOfRange) {
                // Outside the Umm al-Qura data: no lunar holiday can be placed.
            }
        }
        return days;
    }
}
