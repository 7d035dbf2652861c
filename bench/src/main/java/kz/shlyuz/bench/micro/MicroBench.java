package kz.shlyuz.bench.micro;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import kz.shlyuz.certs.pki.DevPki;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the JMH micro-benchmarks of the signed path ({@code ./shlyuz bench --micro}): one fork
 * each, on a dev PKI generated once for all of them. JMH prints its own table at the end.
 *
 * <p>Two system properties narrow or instrument a run (pass them in {@code SHLYUZ_JAVA_OPTS}):
 * {@code shlyuz.bench.include}, a regular expression of the benchmarks to run (default: all), e.g.
 * {@code .*CmsVerifyBenchmark.*}; {@code shlyuz.bench.jvmArgs}, extra arguments of the forked
 * benchmark JVM separated by spaces, e.g. a flight recording
 * {@code -XX:StartFlightRecording=filename=cms.jfr,settings=profile}.
 */
public final class MicroBench {
    /** Every benchmark class of this module. */
    public static final String INCLUDE = "kz\\.shlyuz\\..*Benchmark\\..*";

    private MicroBench() {}

    public static int run(boolean quick, PrintStream out) throws IOException, RunnerException {
        Path pkiDir = Files.createTempDirectory("shlyuz-jmh-pki-");
        out.println("bench --micro: generating a development PKI in " + pkiDir);
        DevPki.generate(pkiDir, Instant.now());
        List<String> jvmArgs = new ArrayList<>(List.of(
                "-D" + BenchPki.PROPERTY + "=" + pkiDir, "-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"));
        String extra = System.getProperty("shlyuz.bench.jvmArgs", "").trim();
        if (!extra.isEmpty()) {
            jvmArgs.addAll(List.of(extra.split("\\s+")));
        }
        Options options = new OptionsBuilder()
                .include(System.getProperty("shlyuz.bench.include", INCLUDE))
                .forks(1)
                .warmupIterations(quick ? 1 : 2)
                .warmupTime(TimeValue.seconds(quick ? 1 : 2))
                .measurementIterations(quick ? 2 : 3)
                .measurementTime(TimeValue.seconds(quick ? 1 : 2))
                .jvmArgsAppend(jvmArgs.toArray(new String[0]))
                .shouldFailOnError(true)
                .build();
        try {
            new Runner(options).run();
        } finally {
            try (var walk = Files.walk(pkiDir)) {
                walk.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args.length > 0 && args[0].equals("--quick"), System.out));
    }
}
