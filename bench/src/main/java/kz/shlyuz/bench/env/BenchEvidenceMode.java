package kz.shlyuz.bench.env;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import kz.shlyuz.gateway.config.EvidenceSettings;
import kz.shlyuz.gateway.config.GatewayConfig;

/**
 * The evidence logging mode a bench gateway JVM runs with (issue 13 point 7). The parent writes
 * it into the gateway's run folder before {@link GatewayProcess#start}; {@link GatewayMain} reads
 * it beside its data folder, so each gateway JVM of a run can log differently without a new
 * launcher. No file: the shipped default ({@code full}).
 */
public final class BenchEvidenceMode {
    static final String FILE = "bench-evidence-mode";

    private BenchEvidenceMode() {}

    /** Makes the gateway started with {@code runDir} log evidence in {@code mode}. */
    public static void write(Path runDir, EvidenceSettings.Mode mode) throws IOException {
        Files.writeString(Files.createDirectories(runDir).resolve(FILE), mode.name(), StandardCharsets.UTF_8);
    }

    /** The gateway's data folder as {@link GatewayProcess#start} lays it out for {@code runDir}. */
    public static Path dataDir(Path runDir) {
        return runDir.resolve("gateway-data");
    }

    /** The configuration with the mode written beside {@code dataDir}, every service in it; else unchanged. */
    static GatewayConfig apply(GatewayConfig config, Path dataDir) throws IOException {
        Path file = dataDir.toAbsolutePath().getParent().resolve(FILE);
        if (!Files.exists(file)) {
            return config;
        }
        EvidenceSettings.Mode mode = EvidenceSettings.Mode.valueOf(
                Files.readString(file, StandardCharsets.UTF_8).trim().toUpperCase(Locale.ROOT));
        return config.withEvidence(config.evidence().withMode(mode, Map.of()));
    }
}
