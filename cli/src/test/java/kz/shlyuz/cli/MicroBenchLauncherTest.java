package kz.shlyuz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench --micro} runs the bench module's own jar in a child JVM, with the bench properties passed on. */
class MicroBenchLauncherTest {
    @TempDir
    Path dir;

    @Test
    void passesTheBenchPropertiesAndTheQuickFlagToTheChild() {
        Properties properties = new Properties();
        properties.setProperty("shlyuz.bench.include", ".*CmsVerifyBenchmark.*");
        properties.setProperty("shlyuz.bench.jvmArgs", "-Xss1m");
        properties.setProperty("shlyuz.bench.jar", "/elsewhere.jar");
        properties.setProperty("user.name", "someone");
        Path jar = dir.resolve("shlyuz-bench.jar");

        List<String> command = MicroBenchLauncher.command(jar, true, properties);

        assertTrue(command.get(0).endsWith("java"), command.toString());
        assertEquals(
                List.of(
                        "-Dshlyuz.bench.include=.*CmsVerifyBenchmark.*",
                        "-Dshlyuz.bench.jvmArgs=-Xss1m",
                        "-cp",
                        jar.toString(),
                        "kz.shlyuz.bench.micro.MicroBench",
                        "--quick"),
                command.subList(1, command.size()));
    }

    @Test
    void runsTheNamedJarWhenItExists() throws Exception {
        Path jar = Files.createFile(dir.resolve("bench.jar"));
        assertEquals(jar, MicroBenchLauncher.locate(jar.toString()));
        assertNull(MicroBenchLauncher.locate(dir.resolve("missing.jar").toString()));
    }

    @Test
    void aMissingBenchJarIsOneLineSayingHowToBuildIt() throws Exception {
        String before = System.getProperty("shlyuz.bench.jar");
        System.setProperty("shlyuz.bench.jar", dir.resolve("missing.jar").toString());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            int exit = MicroBenchLauncher.run(false, new PrintStream(err, true, StandardCharsets.UTF_8));
            String text = err.toString(StandardCharsets.UTF_8);
            assertEquals(1, exit, text);
            assertEquals(1, text.strip().split("\\R").length, text);
            assertTrue(text.contains("bench/target/shlyuz-bench.jar is missing"), text);
            assertTrue(text.contains("./mvnw -B -q -DskipTests package"), text);
        } finally {
            if (before == null) {
                System.clearProperty("shlyuz.bench.jar");
            } else {
                System.setProperty("shlyuz.bench.jar", before);
            }
        }
    }
}
