package kz.shlyuz.bench.env;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * CPU time (user + system) of a JVM's threads, summed by kind of thread, from {@code
 * /proc/PID/task/TID/comm} and {@code .../stat}: which of a gateway's parts (event loops, the
 * journal's writer, the sealer, the collector, the compilers) a window's CPU went to. The kernel
 * keeps the first 15 characters of a thread's name; numbers in it are folded into {@code *}, so
 * a pool's threads count as one kind. Threads that ended between two readings are missing from
 * the later one: a pool that replaces its threads reads low.
 *
 * @param nanosByKind CPU so far per kind of thread, nanoseconds
 */
public record ThreadCpu(Map<String, Long> nanosByKind) {
    public static final ThreadCpu NONE = new ThreadCpu(Map.of());

    private static final long NANOS_PER_TICK = 10_000_000L;
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    public ThreadCpu {
        nanosByKind = Map.copyOf(nanosByKind);
    }

    /** The process's threads now; {@link #NONE} without {@code /proc}. */
    public static ThreadCpu of(long pid) {
        Map<String, Long> byKind = new TreeMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    long ticks = ticks(Files.readString(task.resolve("stat")));
                    byKind.merge(kind(name), ticks * NANOS_PER_TICK, Long::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended while it was read: it is missing from this reading
                }
            }
        } catch (IOException e) {
            return NONE;
        }
        return new ThreadCpu(byKind);
    }

    /** A thread's name as the kind it is counted under: numbers folded, so a pool is one kind. */
    static String kind(String threadName) {
        return NUMBER.matcher(threadName).replaceAll("*");
    }

    /** utime + stime of one {@code stat} line, clock ticks. */
    static long ticks(String stat) {
        // The name (field 2) may hold spaces and parentheses: count fields after its last ')'.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** Both readings together (several processes, or several windows). */
    public ThreadCpu plus(ThreadCpu other) {
        Map<String, Long> sum = new TreeMap<>(nanosByKind);
        other.nanosByKind.forEach((kind, nanos) -> sum.merge(kind, nanos, Long::sum));
        return new ThreadCpu(sum);
    }

    /**
     * What was used since {@code earlier}, per kind; a kind whose threads ended reads what its
     * live threads used, never less than zero.
     */
    public ThreadCpu since(ThreadCpu earlier) {
        Map<String, Long> used = new TreeMap<>();
        nanosByKind.forEach((kind, nanos) ->
                used.put(kind, Math.max(0, nanos - earlier.nanosByKind.getOrDefault(kind, 0L))));
        return new ThreadCpu(used);
    }

    /** The {@code n} kinds that used the most, most first. */
    public List<Map.Entry<String, Long>> top(int n) {
        return nanosByKind.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(n)
                .toList();
    }
}
