package kz.shlyuz.certs;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import kz.shlyuz.certs.testing.TestHygiene;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules every module's tests keep (see {@link TestHygiene}), over this module's test sources. */
class TestHygieneTest {
    @Test
    void noTestWaitsBySleeping() {
        TestHygiene.assertNoSleeps(Path.of("src/test/java"));
    }

    @Test
    void findsEveryKindOfSleepButNotOneInAComment(@TempDir Path dir) throws IOException {
        // Assembled, so that this file does not hold what it looks for.
        String sleep = "sl" + "eep(";
        Files.writeString(
                dir.resolve("Slow.java"),
                String.join(
                        "\n",
                        "class Slow {",
                        "    // Thread." + sleep + "5) in a comment is fine",
                        "    void a() throws Exception { Thread." + sleep + "200); }",
                        "    void b() throws Exception { java.util.concurrent.TimeUnit.SECONDS." + sleep + "1); }",
                        "    void c() { java.util.concurrent.locks.LockSupport.park" + "Nanos(1_000_000); }",
                        "}"));
        AssertionError e = assertThrows(AssertionError.class, () -> TestHygiene.assertNoSleeps(dir));
        String message = e.getMessage();
        assertTrue(
                message.contains("Slow.java:3") && message.contains("Slow.java:4") && message.contains("Slow.java:5"),
                message);
        assertTrue(!message.contains("Slow.java:2"), message);
    }
}
