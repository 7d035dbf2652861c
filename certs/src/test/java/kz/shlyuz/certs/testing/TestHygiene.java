package kz.shlyuz.certs.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Rules every module's tests keep, checked by a {@code TestHygieneTest} in each module over its
 * own test sources. A scan of the source text, not of the classes: it takes milliseconds, where
 * importing the classes with their dependencies takes most of a minute on a loaded machine.
 */
public final class TestHygiene {
    /**
     * A wait by time instead of by condition: {@code Thread.sleep}, a {@code TimeUnit}'s or a
     * statically imported {@code sleep(…)}, and {@code LockSupport}'s timed parks.
     */
    private static final Pattern SLEEP = Pattern.compile("\\bsleep\\s*\\(|\\bpark(Nanos|Until)\\s*\\(");
    /** Await pauses between looks on behalf of everyone; this class names what it looks for. */
    private static final Set<String> ALLOWED = Set.of("Await.java", "TestHygiene.java");

    private TestHygiene() {}

    /**
     * Fails naming every file and line under {@code testSources} that waits by sleeping: too
     * short and the test is flaky on a loaded machine, too long and the suite is slow. A test
     * awaits a condition with a deadline ({@link Await}), a latch or a real signal, or drives the
     * clock. Comment lines do not count.
     */
    public static void assertNoSleeps(Path testSources) {
        if (!Files.isDirectory(testSources)) {
            throw new AssertionError("no test sources at " + testSources.toAbsolutePath());
        }
        List<String> found = new ArrayList<>();
        int scanned = 0;
        try (Stream<Path> files = Files.walk(testSources)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                if (ALLOWED.contains(file.getFileName().toString())) {
                    continue;
                }
                scanned++;
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    if (!line.startsWith("//")
                            && !line.startsWith("*")
                            && !line.startsWith("/*")
                            && SLEEP.matcher(line).find()) {
                        found.add(testSources.relativize(file) + ":" + (i + 1) + ": " + line);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (scanned == 0) {
            throw new AssertionError("no test sources at " + testSources.toAbsolutePath());
        }
        assertEquals(
                List.of(),
                found,
                "tests that wait by sleeping; await a condition with a deadline "
                        + "(kz.shlyuz.certs.testing.Await), a latch or a real signal instead, or drive the clock");
    }
}
