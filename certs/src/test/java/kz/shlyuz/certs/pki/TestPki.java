package kz.shlyuz.certs.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One dev PKI per test JVM: generating ~50 RSA keys takes seconds, and most tests only read it.
 * Tests that need a PKI of their own generate into a {@code @TempDir}.
 */
public final class TestPki {
    /** The instant the shared PKI is generated at; tests validate relative to it. */
    public static final Instant NOW = Instant.now();

    private static DevPki shared;

    private TestPki() {}

    public static synchronized DevPki shared() {
        if (shared == null) {
            try {
                Path dir = Files.createTempDirectory("shlyuz-dev-pki");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
                shared = DevPki.generate(dir, NOW);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    /** The nca-test folder beside the repository (found by walking up, so a git worktree elsewhere works too). */
    public static Path ncaTest() {
        return kz.shlyuz.certs.testing.NcaTestMaterial.dir();
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // Best effort: it is a temp folder.
        }
    }
}
