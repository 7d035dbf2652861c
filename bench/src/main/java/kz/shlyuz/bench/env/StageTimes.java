package kz.shlyuz.bench.env;

import java.util.Map;
import java.util.TreeMap;

/**
 * A gateway's call-stage timers (admission, verification, agency, seal, journal, and the whole
 * call as {@code call}): per stage, how many were timed and their total time. Read before and
 * after a window, {@link #minus} gives the window's; {@link #plus} adds nodes or windows up.
 *
 * @param stages by stage name, in name order
 */
public record StageTimes(Map<String, Timed> stages) {
    public static final StageTimes NONE = new StageTimes(Map.of());

    /** One stage: how many times it was timed, and the total. */
    public record Timed(long count, long nanos) {
        Timed plus(Timed other) {
            return new Timed(count + other.count, nanos + other.nanos);
        }

        Timed negated() {
            return new Timed(-count, -nanos);
        }

        /** The mean in milliseconds, or 0 when nothing was timed. */
        public double meanMillis() {
            return count <= 0 ? 0 : nanos / 1e6 / count;
        }
    }

    public StageTimes {
        stages = java.util.Collections.unmodifiableMap(new TreeMap<>(stages));
    }

    /** From {@link #format}'s text: {@code <stage>=<count>:<total nanoseconds> ...}. */
    public static StageTimes parse(String figures) {
        Map<String, Timed> stages = new TreeMap<>();
        for (String figure : figures.trim().split(" ")) {
            if (figure.isEmpty()) {
                continue;
            }
            String[] nameValue = figure.split("=", 2);
            String[] countNanos = nameValue[1].split(":", 2);
            stages.merge(
                    nameValue[0], new Timed(Long.parseLong(countNanos[0]), Long.parseLong(countNanos[1])), Timed::plus);
        }
        return new StageTimes(stages);
    }

    /** One stage's timer added in (a stage seen again is summed). */
    public StageTimes with(String stage, long count, long nanos) {
        return plus(new StageTimes(Map.of(stage, new Timed(count, nanos))));
    }

    public StageTimes plus(StageTimes other) {
        Map<String, Timed> sum = new TreeMap<>(stages);
        other.stages.forEach((stage, timed) -> sum.merge(stage, timed, Timed::plus));
        return new StageTimes(sum);
    }

    /** What was timed since {@code earlier}. */
    public StageTimes minus(StageTimes earlier) {
        Map<String, Timed> difference = new TreeMap<>(stages);
        earlier.stages.forEach((stage, timed) -> difference.merge(stage, timed.negated(), Timed::plus));
        return new StageTimes(difference);
    }

    /** {@code <stage>=<count>:<total nanoseconds>}, space-separated. */
    public String format() {
        StringBuilder text = new StringBuilder();
        stages.forEach((stage, timed) -> text.append(text.length() == 0 ? "" : " ")
                .append(stage)
                .append('=')
                .append(timed.count())
                .append(':')
                .append(timed.nanos()));
        return text.toString();
    }
}
