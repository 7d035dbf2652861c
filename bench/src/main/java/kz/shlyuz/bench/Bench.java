package kz.shlyuz.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import kz.shlyuz.bench.env.BenchEnvironment;
import kz.shlyuz.bench.env.ProcessCpu;
import kz.shlyuz.bench.load.LatencyStats;
import kz.shlyuz.bench.load.LoadDriver;
import kz.shlyuz.bench.load.LoadPlan;
import kz.shlyuz.bench.report.MemoryFigures;
import kz.shlyuz.bench.report.ResultTable;
import kz.shlyuz.bench.report.Role;
import kz.shlyuz.bench.report.Row;
import kz.shlyuz.bench.scenario.Column;
import kz.shlyuz.bench.scenario.Scenario;
import kz.shlyuz.bench.scenario.Scenarios;
import kz.shlyuz.bench.scenario.StreamScenario;

/**
 * One benchmark run: starts the environment, checks every column answers one request, then for
 * each column in turn a warm-up and a measured closed-loop phase, then (optionally) Shlyuz at a
 * fixed rate of half the relay's throughput; prints the table and stops everything.
 */
public final class Bench {
    /** How many more requests than the fastest column managed Shlyuz gets signed ahead. */
    private static final double HEADROOM = 1.3;

    private Bench() {}

    /** Runs and prints the scenario (or, for {@code all}, each in turn); returns the rows (tests assert on them). */
    public static List<Row> run(BenchOptions options, PrintStream out) throws Exception {
        List<Row> rows = new ArrayList<>();
        for (Scenario scenario : Scenarios.select(options.scenario())) {
            rows.addAll(run(scenario, options, out));
            out.println();
        }
        return rows;
    }

    private static List<Row> run(Scenario scenario, BenchOptions options, PrintStream out) throws Exception {
        String loadAtStart = loadAverage();
        out.println("bench: scenario " + scenario.name());
        try (BenchEnvironment env = BenchEnvironment.start(options.nginx(), scenario.relayedAgency(), out)) {
            if (scenario instanceof StreamScenario streams) {
                return streams.run(env, options, out);
            }
            List<Column> columns = scenario.columns(env);
            List<Row> rows = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            env.nginxNote().ifPresent(n -> notes.add("(b) not run: " + n));
            LoadPlan plan = LoadPlan.closedLoop(options.concurrency(), options.duration(), options.maxRequests());
            double fastest = 0;
            List<Column> shlyuz = new ArrayList<>();
            // Columns take turns in rounds, so a burst of other work on the machine does not fall on one column only.
            int rounds = options.rounds();
            Duration slice = options.duration().dividedBy(rounds);
            LatencyStats[] merged = new LatencyStats[columns.size()];
            long[][] cpu = new long[columns.size()][];
            for (Column column : columns) {
                smoke(column);
                if (column.role().throughShlyuz()) {
                    shlyuz.add(column);
                }
            }
            for (int round = 1; round <= rounds; round++) {
                for (int i = 0; i < columns.size(); i++) {
                    Column column = columns.get(i);
                    long budget = options.maxRequests();
                    if (column.role().throughShlyuz() && fastest > 0) {
                        budget = Math.min(budget, (long) Math.ceil(fastest * seconds(slice) * HEADROOM));
                    }
                    Duration warmup = round == 1 ? options.warmup() : Duration.ZERO;
                    out.printf(
                            Locale.ROOT,
                            "bench: round %d/%d (%s) %s — %s%s at concurrency %d%n",
                            round,
                            rounds,
                            column.role().letter(),
                            column.label(),
                            warmup.isZero() ? "" : "warm-up " + pretty(warmup) + ", then ",
                            pretty(slice),
                            options.concurrency());
                    LatencyStats stats = measure(column, plan.withDuration(slice), warmup, budget, fastest, env);
                    cpu[i] = add(cpu[i], lastCpu);
                    if (!column.role().throughShlyuz()) {
                        fastest = Math.max(fastest, stats.throughput());
                    }
                    merged[i] = merged[i] == null ? stats : merged[i].plus(stats);
                }
            }
            for (int i = 0; i < columns.size(); i++) {
                rows.add(new Row(
                        columns.get(i).role(),
                        merged[i],
                        cpu[i] == null
                                ? null
                                : java.util.Arrays.stream(cpu[i]).boxed().toList()));
                noteShortfall(notes, columns.get(i), merged[i], options.duration());
            }
            if (options.paced() && !shlyuz.isEmpty()) {
                Optional<Row> baseline = rows.stream()
                        .filter(r -> r.role() == Role.PROXY)
                        .findFirst()
                        .or(() -> rows.stream()
                                .filter(r -> r.role() == Role.DIRECT)
                                .findFirst());
                if (baseline.isPresent() && baseline.get().stats().throughput() > 0) {
                    // The target: the signed call at >= 0.5x the relay, and p99 < 20 ms at half that load.
                    double rate = baseline.get().stats().throughput() / 4;
                    // Half the measured time per paced row: enough samples for p99 (and --quick stays under a minute).
                    Duration pacedFor = options.duration().dividedBy(2);
                    long count = (long) Math.ceil(rate * seconds(pacedFor) * 1.05) + 1;
                    for (Column column : shlyuz) {
                        Role pacedRole = column.role().paced();
                        out.printf(
                                Locale.ROOT,
                                "bench: (%s) %s paced at %.1f req/s (a quarter of (%s)) for %s%n",
                                pacedRole.letter(),
                                column.label(),
                                rate,
                                baseline.get().role().letter(),
                                pretty(pacedFor));
                        long ready = column.prepare(Math.min(count, options.maxRequests()));
                        LoadPlan pacedPlan = LoadPlan.closedLoop(
                                        Math.max(64, options.concurrency() * 4), pacedFor, ready)
                                .paced(rate);
                        LatencyStats paced = LoadDriver.run(
                                String.format(
                                        Locale.ROOT,
                                        "%s at %.0f req/s",
                                        column.role() == Role.SHLYUZ ? "Shlyuz paced" : "sealed, paced",
                                        rate),
                                pacedPlan,
                                seq -> column.send());
                        rows.add(new Row(pacedRole, paced));
                    }
                }
            }
            for (Column column : columns) {
                notes.addAll(column.afterLoad(out));
            }
            Optional<MemoryFigures> memory = Optional.of(env.gateway().memory());
            String title = String.format(
                    Locale.ROOT,
                    "scenario %s: %s%n%d in flight per column (paced rows excepted), "
                            + "%s measured per column in %d round(s) after %s warm-up; client and servers on the same %d cores; "
                            + "load average at start %s, at end %s",
                    scenario.name(),
                    scenario.description(),
                    options.concurrency(),
                    pretty(options.duration()),
                    rounds,
                    pretty(options.warmup()),
                    Runtime.getRuntime().availableProcessors(),
                    loadAtStart,
                    loadAverage());
            out.println();
            ResultTable.print(out, title, rows, notes, memory);
            return rows;
        }
    }

    /** CPU each process used during the last measured phase (this thread only runs phases). */
    private static long[] lastCpu;

    /** This JVM alone (its children are the others), nginx with its workers, the gateway JVM. */
    private static ProcessCpu.Snapshot cpuNow(BenchEnvironment env) {
        return new ProcessCpu.Snapshot(List.of(
                ProcessCpu.nanos(ProcessHandle.current(), false),
                env.nginx().map(n -> ProcessCpu.nanos(n.process(), true)).orElse(-1L),
                ProcessCpu.nanos(env.gateway().process(), false)));
    }

    private static long[] add(long[] total, long[] more) {
        if (total == null) {
            return more.clone();
        }
        long[] sum = total.clone();
        for (int i = 0; i < sum.length; i++) {
            sum[i] = sum[i] < 0 || more[i] < 0 ? -1 : sum[i] + more[i];
        }
        return sum;
    }

    private static LatencyStats measure(
            Column column, LoadPlan plan, Duration warmup, long budget, double fastest, BenchEnvironment env)
            throws InterruptedException {
        if (!warmup.isZero()) {
            long warmCount = fastest > 0 ? (long) Math.ceil(fastest * seconds(warmup) * HEADROOM) : budget;
            long ready = column.prepare(Math.min(warmCount, budget));
            LoadDriver.run("warm-up", plan.withDuration(warmup).withMaxRequests(ready), seq -> column.send());
        }
        long ready = column.prepare(budget);
        ProcessCpu.Snapshot before = cpuNow(env);
        column.measuring(true);
        LatencyStats stats = LoadDriver.run(column.label(), plan.withMaxRequests(ready), seq -> column.send());
        column.measuring(false);
        lastCpu = cpuNow(env).since(before);
        return stats;
    }

    /** One request through the column before anything is measured: a column that refuses is a broken setup. */
    private static void smoke(Column column) throws Exception {
        column.prepare(1);
        try {
            column.send().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(
                    "(" + column.role().letter() + ") " + column.label() + " does not answer: " + e.getCause(),
                    e.getCause());
        }
    }

    private static void noteShortfall(List<String> notes, Column column, LatencyStats stats, Duration duration) {
        if (stats.errors() > 0) {
            notes.add("(" + column.role().letter() + ") " + stats.errors() + " failed calls; first: "
                    + stats.firstError());
        }
        if (stats.elapsedNanos() < duration.toNanos() * 8 / 10) {
            notes.add(String.format(
                    Locale.ROOT,
                    "(%s) ran %.1f s: its %d requests were used up before %s",
                    column.role().letter(),
                    stats.elapsedNanos() / 1e9,
                    stats.ok() + stats.errors(),
                    pretty(duration)));
        }
    }

    /** The 1-minute load average: other work on the machine skews every column, so the table says how much there was. */
    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                    .split(" ")[0];
        } catch (java.io.IOException | RuntimeException e) {
            return "?";
        }
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    static String pretty(Duration d) {
        return d.toMillis() % 1000 == 0 ? (d.toMillis() / 1000) + " s" : d.toMillis() + " ms";
    }
}
