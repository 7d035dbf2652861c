package kz.shlyuz.gateway.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The years whose days off are known, as data rather than code, so that next year's Government
 * resolution is an edit of a file and not a release: the date of Kurban ait and the day-off
 * transfers of each year. The table shipped in {@code years.json} beside this class holds what
 * was known at release; a file named by the configuration ({@code process.calendarFile}) adds years or
 * replaces whole years of it.
 */
public final class CalendarYears {
    private static final String SHIPPED = "years.json";

    /**
     * One known year.
     *
     * @param kurbanAit the first day of Kurban ait (a day off; it does not move off a weekend)
     * @param transfers the Government's moves of days off that year
     * @param source where the dates come from, for a person checking them
     */
    public record Year(int year, LocalDate kurbanAit, List<Transfer> transfers, String source) {
        public Year {
            if (kurbanAit.getYear() != year) {
                throw new IllegalArgumentException("kurbanAit: " + kurbanAit + " (expected: a day of " + year + ")");
            }
            transfers = List.copyOf(transfers);
        }
    }

    /**
     * A day off the Government moved: {@code dayOff}, a working day, is given off; {@code workday},
     * a Saturday or Sunday, is worked instead (null when the resolution names none).
     */
    public record Transfer(LocalDate dayOff, LocalDate workday) {
        public Transfer {
            DayOfWeek dow = dayOff.getDayOfWeek();
            if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
                throw new IllegalArgumentException("dayOff: " + dayOff + " (expected: a weekday made a day off)");
            }
            if (workday != null
                    && workday.getDayOfWeek() != DayOfWeek.SATURDAY
                    && workday.getDayOfWeek() != DayOfWeek.SUNDAY) {
                throw new IllegalArgumentException("workday: " + workday + " (expected: a Saturday or Sunday worked)");
            }
        }
    }

    private final Map<Integer, Year> years;

    private CalendarYears(Map<Integer, Year> years) {
        this.years = Map.copyOf(years);
    }

    /** The table shipped with this release. */
    public static CalendarYears shipped() {
        try (InputStream in = CalendarYears.class.getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException("calendar table " + SHIPPED + " missing from the class path");
            }
            return new CalendarYears(parse(new ObjectMapper().readTree(in), SHIPPED));
        } catch (IOException e) {
            throw new UncheckedIOException("calendar table " + SHIPPED, e);
        }
    }

    /** The shipped table with the years of {@code file} added or replacing the shipped ones. */
    public static CalendarYears shippedWith(Path file) {
        Map<Integer, Year> merged = new TreeMap<>(shipped().years);
        try {
            merged.putAll(parse(new ObjectMapper().readTree(Files.readAllBytes(file)), file.toString()));
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "process.calendarFile: " + file + " cannot be read (" + e.getMessage() + ")", e);
        }
        return new CalendarYears(merged);
    }

    private static Map<Integer, Year> parse(JsonNode root, String where) {
        Map<Integer, Year> years = new TreeMap<>();
        JsonNode list = root.path("years");
        if (!list.isArray()) {
            throw new IllegalArgumentException(where + ": expected {\"years\": [...]}");
        }
        for (JsonNode y : list) {
            int year = y.path("year").asInt(-1);
            try {
                List<Transfer> transfers = new ArrayList<>();
                for (JsonNode t : y.path("transfers")) {
                    transfers.add(new Transfer(
                            LocalDate.parse(t.path("dayOff").asText()),
                            t.hasNonNull("workday")
                                    ? LocalDate.parse(t.path("workday").asText())
                                    : null));
                }
                Year parsed = new Year(
                        year,
                        LocalDate.parse(y.path("kurbanAit").asText()),
                        transfers,
                        y.path("source").asText(""));
                if (years.put(year, parsed) != null) {
                    throw new IllegalArgumentException("year listed twice");
                }
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        where + ": year " + year + ": " + e.getMessage() + " (expected dates as 2026-05-27)", e);
            }
        }
        return years;
    }

    public Optional<Year> year(int year) {
        return Optional.ofNullable(years.get(year));
    }

    /** The years listed, oldest first. */
    public List<Integer> listed() {
        return years.keySet().stream().sorted().toList();
    }
}
