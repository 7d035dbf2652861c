package kz.shlyuz.bench.micro;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import kz.shlyuz.certs.pki.DevPki;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the JMH micro-benchmarks of the signed path ({@code ./shlyuz bench --micro}): one fork
 * each, on a dev PKI generated once for all of them. JMH prints its own table at the end.
 */
public final class MicroBench {
    /** Every benchmark class of this module and its split package. */
    public static final String INCLUDE = "kz\\.shlyuz\\..*Benchmark\\..*";

    private MicroBench() {}

    public static int run(boolean quick, PrintStream out) throws IOException, RunnerException {
        Path pkiDir = Files.createTempDirectory("shlyuz-jmh-pki-");
        out.println("bench --micro: generating a development PKI in " + pkiDir);
        DevPki.generate(pkiDir, Instant.now());
        Options options = new OptionsBuilder()
                .include(System.getProperty("shlyuz.bench.include", INCLUDE))
                .forks(1)
                .warmupIterations(quick ? 1 : 2)
                .warmupTime(TimeValue.seconds(quick ? 1 : 2))
                .measurementIterations(quick ? 2 : 3)
                .measurementTime(TimeValue.seconds(quick ? 1 : 2))
                .jvmArgsAppend("-D" + BenchPki.PROPERTY + "=" + pkiDir, "-Xmx1g",
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
                .shouldFailOnError(true)
                .build();
        try {
            new Runner(options).run();
        } finally {
            try (var walk = Files.walk(pkiDir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args.length > 0 && args[0].equals("--quick"), System.out));
    }
}
