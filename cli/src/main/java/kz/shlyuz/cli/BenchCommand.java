package kz.shlyuz.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.time.Duration;
import java.util.concurrent.Callable;
import kz.shlyuz.bench.Bench;
import kz.shlyuz.bench.BenchOptions;
import kz.shlyuz.bench.scenario.Scenarios;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./shlyuz bench}: the same request through the adapter directly, through nginx
 * {@code grpc_pass} (when installed) and signed through Shlyuz, side by side on loopback; or,
 * with {@code --micro}, the JMH micro-benchmarks of the signed path's parts.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Closed-loop load on loopback: (a) adapter direct, (b) nginx grpc_pass, (c) Shlyuz signed call; "
                + "req/s, p50/p99/p99.9 and the ratios c/a, c/b. --micro runs the JMH micro-benchmarks instead.")
final class BenchCommand implements Callable<Integer> {
    @Option(
            names = "--quick",
            description = "Short run (5 s per column in 2 rounds after 2 s warm-up): under a minute in all.")
    boolean quick;

    @Option(
            names = "--scenario",
            description = "Which call to measure: ${COMPLETION-CANDIDATES}, or all (default: sync-rsa).",
            completionCandidates = ScenarioNames.class)
    String scenario = "sync-rsa";

    @Option(names = "--concurrency", description = "Calls in flight per column (default: 16).")
    Integer concurrency;

    @Option(names = "--duration", description = "Measured time per column, ISO-8601 (default: PT20S; --quick PT5S).")
    Duration duration;

    @Option(names = "--warmup", description = "Unmeasured warm-up per column (default: PT15S; --quick PT2S).")
    Duration warmup;

    @Option(names = "--max-requests", description = "Most requests one phase sends (default: 500000; --quick 100000).")
    Long maxRequests;

    @Option(names = "--rounds", description = "Columns take turns this many times (default: 4; --quick 2).")
    Integer rounds;

    @Option(names = "--no-nginx", description = "Skip column (b) even when nginx is installed.")
    boolean noNginx;

    @Option(
            names = "--no-paced",
            description = "Skip rows (c') and (d'): Shlyuz at a quarter of the relay's "
                    + "throughput (half the target load), for its latency.")
    boolean noPaced;

    @Option(names = "--micro", description = "Run the JMH micro-benchmarks (CMS vs raw RSA, chains, journal, signing).")
    boolean micro;

    @Override
    public Integer call() throws Exception {
        if (micro) {
            return MicroBenchLauncher.run(quick, System.err);
        }
        // The adapters run in this JVM: their per-request log lines would drown the table, and
        // writing them takes CPU from the gateways being measured on the same cores.
        ((Logger) LoggerFactory.getLogger("kz.shlyuz.adapters")).setLevel(Level.WARN);
        BenchOptions base = quick ? BenchOptions.quick() : BenchOptions.defaults();
        BenchOptions options = new BenchOptions(
                scenario,
                concurrency == null ? base.concurrency() : concurrency,
                duration == null ? base.duration() : duration,
                warmup == null ? base.warmup() : warmup,
                maxRequests == null ? base.maxRequests() : maxRequests,
                !noNginx,
                !noPaced,
                rounds == null ? base.rounds() : rounds);
        Bench.run(options, System.out);
        return 0;
    }

    /** For the help text. */
    static final class ScenarioNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Scenarios.names().iterator();
        }
    }
}
