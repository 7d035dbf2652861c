package kz.shlyuz.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No main class of any module is longer than {@value #MAX_LINES} lines: a longer one does more
 * than one job and is split along its seams (ArchUnit sees classes, not lines, so this reads the
 * sources). It runs in the cli module, the last one built, over every module's {@code src/main}.
 */
class MainClassSizeTest {
    static final int MAX_LINES = 300;

    @Test
    void noMainClassIsLongerThanThreeHundredLines() throws IOException {
        Path root = repositoryRoot();
        TreeMap<String, Long> tooLong = new TreeMap<>();
        for (Path source : mainSources(root)) {
            long lines = lines(source);
            String name = root.relativize(source).toString().replace('\\', '/');
            if (lines > MAX_LINES) {
                tooLong.put(name, lines);
            }
        }
        assertTrue(
                tooLong.isEmpty(),
                "main classes over " + MAX_LINES + " lines (split them along their seams): " + tooLong);
    }

    /** The folder with the parent pom: the cli module's parent (surefire runs in the module's folder). */
    private static Path repositoryRoot() {
        Path root = Path.of("").toAbsolutePath().getParent();
        assertTrue(
                Files.isRegularFile(root.resolve("pom.xml")) && Files.isDirectory(root.resolve("cli")),
                "expected the repository root above " + Path.of("").toAbsolutePath());
        return root;
    }

    private static List<Path> mainSources(Path root) throws IOException {
        try (Stream<Path> modules = Files.list(root)) {
            return modules.map(m -> m.resolve("src/main/java"))
                    .filter(Files::isDirectory)
                    .flatMap(MainClassSizeTest::javaFiles)
                    .sorted()
                    .toList();
        }
    }

    private static Stream<Path> javaFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines as {@code wc -l} counts them. */
    private static long lines(Path source) throws IOException {
        try (Stream<String> lines = Files.lines(source)) {
            return lines.count();
        }
    }
}
