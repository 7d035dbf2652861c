package kz.shlyuz.cli;

import java.nio.file.Path;
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

    DevPki pki(Path fallbackDataDir) {
        return DevPki.loadOrCreate(dataDir(fallbackDataDir).resolve("pki"));
    }
}
