package kz.shlyuz.certs.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One dev PKI per test JVM: generating ~50 RSA keys takes seconds, and most tests only read it.
 * Tests that need a PKI of their own generate into a {@code @TempDir}.
 */
public final class TestPki {
    /** The instant the shared PKI is generated at; tests validate relative to it. */
    // TimeInStaticInitializer: one instant for the whole test JVM is the point, so that every test
    // sees the same shared PKI, generated once for that instant.
    @SuppressWarnings("TimeInStaticInitializer")
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

    /**
     * A copy of the shared PKI in {@code target} (which must not exist yet), for code that reads a
     * PKI from a folder of its own, such as a command's {@code --data} folder: copying the files
     * takes milliseconds where generating takes seconds.
     */
    public static DevPki copyTo(Path target) {
        Path source = shared().dir();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.copy(p, target.resolve(source.relativize(p).toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return DevPki.load(target);
    }

    /** The nca-test folder (shared/nca-test above the checkout, wherever the checkout lives). */
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
