package kz.shlyuz.cli;

import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Runs {@code ./shlyuz bench --micro} as a child JVM on the bench module's own jar
 * ({@code bench/target/shlyuz-bench.jar}, built beside the command-line jar), so that JMH and the
 * benchmark classes it generates never ship in {@code shlyuz.jar}. The child inherits this
 * terminal; its exit status is the command's.
 *
 * <p>System properties {@code shlyuz.bench.*} given to this JVM (in {@code SHLYUZ_JAVA_OPTS}, e.g.
 * {@code shlyuz.bench.include} or {@code shlyuz.bench.jvmArgs}) are passed on to the child, where
 * the micro-benchmark runner reads them. {@code shlyuz.bench.jar} names another jar to run.
 */
final class MicroBenchLauncher {
    /** The bench module's micro-benchmark jar, relative to the repository root. */
    static final Path JAR = Path.of("bench", "target", "shlyuz-bench.jar");

    private static final String MAIN = "kz.shlyuz.bench.micro.MicroBench";

    private MicroBenchLauncher() {}

    static int run(boolean quick, PrintStream err) throws Exception {
        Path jar = locate(System.getProperty("shlyuz.bench.jar"));
        if (jar == null) {
            err.println("bench --micro: the micro-benchmark jar " + JAR + " is missing (expected: built by "
                    + "'./mvnw -B -q -DskipTests package' from the repository root).");
            return 1;
        }
        Process child = new ProcessBuilder(command(jar, quick, System.getProperties()))
                .inheritIO()
                .start();
        // Ctrl-C stops this JVM; the benchmarks must not go on running without it.
        Thread stop = new Thread(child::destroy, "micro-bench-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            return child.waitFor();
        } finally {
            if (!child.isAlive()) {
                Runtime.getRuntime().removeShutdownHook(stop);
            }
        }
    }

    /** The child's command line: this JVM's java, the {@code shlyuz.bench.*} properties, the jar's runner. */
    static List<String> command(Path jar, boolean quick, Properties properties) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        properties.stringPropertyNames().stream()
                .sorted()
                .filter(name -> name.startsWith("shlyuz.bench.") && !name.equals("shlyuz.bench.jar"))
                .forEach(name -> command.add("-D" + name + "=" + properties.getProperty(name)));
        command.addAll(List.of("-cp", jar.toString(), MAIN));
        if (quick) {
            command.add("--quick");
        }
        return command;
    }

    /** The jar named by {@code shlyuz.bench.jar}, else beside this jar's repository, else under the working directory. */
    static Path locate(String named) throws URISyntaxException {
        if (named != null) {
            Path path = Path.of(named);
            return Files.isRegularFile(path) ? path : null;
        }
        // This class comes from cli/target/shlyuz.jar (or cli/target/classes): three levels up is the root.
        Path here = Path.of(MicroBenchLauncher.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        Path root = here.getParent() == null ? null : here.getParent().getParent();
        root = root == null ? null : root.getParent();
        for (Path candidate : root == null ? List.of(JAR) : List.of(root.resolve(JAR), JAR)) {
            if (Files.isRegularFile(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        return null;
    }
}
