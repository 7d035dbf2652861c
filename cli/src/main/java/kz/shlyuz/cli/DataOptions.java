package kz.shlyuz.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import kz.shlyuz.certs.pki.DevPki;
import picocli.CommandLine.Option;

/** Where the development data lives: the PKI and the embedded journal. */
final class DataOptions {
    @Option(names = "--data", description = "Data directory (default: the configuration's, 'data').")
    Path data;

    /** The chosen data directory, or {@code fallback} when none was given. */
    Path dataDir(Path fallback) {
        return data != null ? data : fallback;
    }

    /** The dev PKI under {@code <data>/pki}, created on first use. */
    DevPki pki() {
        return pki(Path.of("data"));
    }

    /**
     * The dev PKI under {@code <data>/pki}, created on first use. Nodes started side by side on one
     * data directory take a file lock first, so one creates it and the others load what it wrote.
     */
    DevPki pki(Path fallbackDataDir) {
        Path dir = dataDir(fallbackDataDir);
        try {
            Files.createDirectories(dir);
            try (FileChannel lock = FileChannel.open(
                            dir.resolve(".pki.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock held = lock.lock()) {
                return DevPki.loadOrCreate(dir.resolve("pki"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + dir.resolve(".pki.lock"), e);
        }
    }
}
