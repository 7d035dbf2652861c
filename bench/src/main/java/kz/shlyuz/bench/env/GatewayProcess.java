package kz.shlyuz.bench.env;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import kz.shlyuz.bench.report.MemoryFigures;

/**
 * Runs {@link GatewayMain} in a child JVM on this JVM's class path with a fixed heap limit, so the
 * heap and resident memory measured are the gateway's alone. Its log goes to a file in the run's
 * folder. Extra JVM options (for a flight recording, say) come from the environment variable
 * {@code SHLYUZ_BENCH_GATEWAY_OPTS}.
 */
public final class GatewayProcess implements AutoCloseable {
    public static final String HEAP_LIMIT = "256m";

    private final Process process;
    private final PrintWriter commands;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private final int port;
    private final Path log;

    private GatewayProcess(Process process, Path log) throws IOException, InterruptedException {
        this.process = process;
        this.log = log;
        this.commands =
                new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
        Thread reader = new Thread(this::readReplies, "bench-gateway-stdout");
        reader.setDaemon(true);
        reader.start();
        String ready = await("READY", 90);
        this.port = Integer.parseInt(ready.substring("READY ".length()).trim());
    }

    /** Starts the gateway against the given adapters ({@code agency=port}) and waits until it serves. */
    public static GatewayProcess start(Path pkiDir, Path runDir, List<String> adapters)
            throws IOException, InterruptedException {
        return start(pkiDir, runDir, adapters, Operations.DEFAULT);
    }

    /**
     * How the gateway JVM runs its operations features (issue 12): the shipped default (metrics
     * on, text logs), everything a production node has on (metrics, JSON logs; tracing stays off
     * as in production without a collector), or nothing (no metrics, text logs) — the bench's
     * baseline for what operations cost.
     */
    public enum Operations {
        DEFAULT,
        ON,
        OFF
    }

    /** As {@link #start(Path, Path, List)}, with the operations features chosen; each in its own folder. */
    public static GatewayProcess start(Path pkiDir, Path runDir, List<String> adapters, Operations ops)
            throws IOException, InterruptedException {
        String suffix = ops == Operations.DEFAULT ? "" : "-ops-" + ops.name().toLowerCase(java.util.Locale.ROOT);
        return launch(pkiDir, runDir, adapters, ops, suffix, List.of());
    }

    /**
     * A gateway node whose journal is the PostgreSQL database at {@code jdbcUrl} (several nodes may
     * share it), named {@code node} in its folder and log file, with every shipped rate limit
     * (global and per sender) replaced by {@code perSecond}, for measuring capacity beyond them.
     */
    public static GatewayProcess startOnDatabase(
            Path pkiDir, Path runDir, List<String> adapters, String jdbcUrl, String node, double perSecond)
            throws IOException, InterruptedException {
        return launch(
                pkiDir,
                runDir,
                adapters,
                Operations.DEFAULT,
                "-" + node,
                List.of("-D" + GatewayMain.DB + "=" + jdbcUrl, "-D" + GatewayMain.RATE_LIMIT + "=" + perSecond));
    }

    /** Holds this node's case work (no outbox rows leased) until {@link #resume}; Submits are still acknowledged. */
    public void hold() throws InterruptedException {
        commands.println("HOLD");
        await("HELD", 10);
    }

    /**
     * How long the node's JIT compilers have worked so far, in milliseconds: a node is warm once this
     * stops growing under load (with two cores busy, compiling what a gateway runs takes minutes).
     */
    public long jitMillis() throws InterruptedException {
        commands.println("JIT");
        return Long.parseLong(await("JIT", 10).substring("JIT ".length()).trim());
    }

    /** Answer-seal batches this node signed so far, and the answers they sealed: {@code {batches, answers}}. */
    public long[] seals() throws InterruptedException {
        commands.println("SEAL");
        String[] figures = await("SEAL", 10).substring("SEAL ".length()).trim().split(" ");
        return new long[] {Long.parseLong(figures[0]), Long.parseLong(figures[1])};
    }

    /** The node's call-stage timers so far. */
    public StageTimes stages() throws InterruptedException {
        commands.println("STAGES");
        return StageTimes.parse(await("STAGES", 10).substring("STAGES".length()));
    }

    /** Resumes the node's case work. */
    public void resume() throws InterruptedException {
        commands.println("RESUME");
        await("RESUMED", 10);
    }

    private static GatewayProcess launch(
            Path pkiDir, Path runDir, List<String> adapters, Operations ops, String suffix, List<String> properties)
            throws IOException, InterruptedException {
        Path data = Files.createDirectories(runDir.resolve("gateway-data" + suffix));
        Path log = runDir.resolve("gateway" + suffix + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + HEAP_LIMIT);
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-D" + GatewayMain.LOG_FILE + "=" + log);
        command.add("-D" + GatewayMain.OPS + "=" + ops.name());
        command.addAll(properties);
        String extra = System.getenv("SHLYUZ_BENCH_GATEWAY_OPTS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(Arrays.asList(extra.trim().split("\\s+")));
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(GatewayMain.class.getName());
        command.add(pkiDir.toString());
        command.add(data.toString());
        command.addAll(adapters);
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(
                        runDir.resolve("gateway" + suffix + ".stderr").toFile()))
                .start();
        try {
            return new GatewayProcess(process, log);
        } catch (IOException | InterruptedException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    public int port() {
        return port;
    }

    @Override
    public String toString() {
        return "the gateway node on port " + port + " (pid " + process.pid() + ")";
    }

    public ProcessHandle process() {
        return process.toHandle();
    }

    public long pid() {
        return process.pid();
    }

    /** The gateway's peak heap (its own sampler) and peak RSS (the kernel's VmHWM) so far. */
    public MemoryFigures memory() throws InterruptedException {
        long rss = peakRss(process.pid());
        commands.println("MEM");
        String[] mem = await("MEM", 10).split(" ");
        return new MemoryFigures(Long.parseLong(mem[1]), Long.parseLong(mem[2]), Long.parseLong(mem[3]), rss);
    }

    /** VmHWM from /proc/PID/status in bytes, or -1 where there is no /proc. */
    static long peakRss(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
            return -1;
        } catch (IOException e) {
            return -1;
        }
    }

    private void readReplies() {
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith(GatewayMain.PREFIX)) {
                    replies.add(line.substring(GatewayMain.PREFIX.length()));
                }
            }
        } catch (IOException e) {
            // The child is gone; await() reports it.
        }
    }

    private String await(String kind, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            String line = replies.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith(kind)) {
                return line;
            }
            if (line == null && !process.isAlive()) {
                throw new IllegalStateException("gateway process exited with " + process.exitValue() + " before " + kind
                        + "; see " + log + " and gateway.stderr beside it");
            }
        }
        throw new IllegalStateException("gateway process: no " + kind + " within " + seconds + " s; see " + log);
    }

    @Override
    public void close() {
        try {
            commands.println("STOP");
            commands.close();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw new UncheckedIOException(new IOException("gateway process did not stop cleanly", e));
        }
    }
}
