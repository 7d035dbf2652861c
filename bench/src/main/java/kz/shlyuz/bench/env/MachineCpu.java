package kz.shlyuz.bench.env;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The whole machine's CPU time from the first line of {@code /proc/stat}: whether a window kept
 * the cores busy (a capacity figure) or left them partly idle (a latency figure).
 *
 * @param busyTicks clock ticks spent on anything but idle and I/O wait, all cores together
 * @param totalTicks all clock ticks, all cores together
 */
public record MachineCpu(long busyTicks, long totalTicks) {
    /** Now; zeros without {@code /proc} (the share is then reported as unknown). */
    public static MachineCpu now() {
        try {
            return parse(Files.readAllLines(Path.of("/proc/stat")).get(0));
        } catch (IOException | RuntimeException e) {
            return new MachineCpu(0, 0);
        }
    }

    /** From the {@code cpu} line of {@code /proc/stat}. */
    static MachineCpu parse(String line) {
        String[] fields = line.trim().split("\\s+");
        if (!fields[0].equals("cpu") || fields.length < 6) {
            throw new IllegalArgumentException("not the cpu line of /proc/stat: " + line);
        }
        long total = 0;
        // user nice system idle iowait irq softirq steal (guest time is already counted in user).
        for (int i = 1; i <= 8 && i < fields.length; i++) {
            total += Long.parseLong(fields[i]);
        }
        long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
        return new MachineCpu(total - idle, total);
    }

    /** What was used between {@code earlier} and this reading. */
    public MachineCpu since(MachineCpu earlier) {
        return new MachineCpu(busyTicks - earlier.busyTicks, totalTicks - earlier.totalTicks);
    }

    /** Adds another interval's ticks. */
    public MachineCpu plus(MachineCpu other) {
        return new MachineCpu(busyTicks + other.busyTicks, totalTicks + other.totalTicks);
    }

    /** The busy share of the cores, 0–1, or NaN when nothing was measured. */
    public double busyShare() {
        return totalTicks <= 0 ? Double.NaN : (double) busyTicks / totalTicks;
    }
}
