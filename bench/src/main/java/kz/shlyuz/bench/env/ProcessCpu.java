package kz.shlyuz.bench.env;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU time (user + system) a process (and, for nginx, its workers) has used, from
 * {@code /proc/PID/stat}: what a column costs, whatever else the machine is doing.
 */
public final class ProcessCpu {
    /** The kernel's USER_HZ: 100 on every Linux this runs on (the clock ticks /proc counts in). */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private ProcessCpu() {}

    /** Nanoseconds of CPU used so far by the process (and its live descendants if asked); -1 without /proc. */
    public static long nanos(ProcessHandle process, boolean withDescendants) {
        long own = ticks(process.pid());
        if (own < 0) {
            return -1;
        }
        long descendants = !withDescendants
                ? 0
                : process.descendants()
                        .mapToLong(p -> Math.max(0, ticks(p.pid())))
                        .sum();
        return (own + descendants) * NANOS_PER_TICK;
    }

    /**
     * CPU so far of a server whose data directory holds a {@code postmaster.pid} (PostgreSQL): the
     * postmaster and its live children, nanoseconds, or -1.
     */
    static long ofServer(Path dataDir) {
        // A backend exiting while its siblings are read can fail one reading; the next one stands.
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                String pid = Files.readAllLines(dataDir.resolve("postmaster.pid"))
                        .get(0)
                        .trim();
                long nanos = ProcessHandle.of(Long.parseLong(pid))
                        .map(postmaster -> nanos(postmaster, true))
                        .orElse(-1L);
                if (nanos >= 0) {
                    return nanos;
                }
            } catch (IOException | RuntimeException e) {
                // tried again below
            }
        }
        return -1;
    }

    /** utime + stime of one process in clock ticks, or -1. */
    static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The CPU of several processes at one instant, nanoseconds per process (-1 when unknown). */
    public record Snapshot(List<Long> nanos) {
        public Snapshot {
            nanos = List.copyOf(nanos);
        }

        /** Per process, what was used between {@code earlier} and this snapshot. */
        public long[] since(Snapshot earlier) {
            long[] used = new long[nanos.size()];
            for (int i = 0; i < used.length; i++) {
                long now = nanos.get(i);
                long then = earlier.nanos.get(i);
                used[i] = now < 0 || then < 0 ? -1 : now - then;
            }
            return used;
        }
    }
}
