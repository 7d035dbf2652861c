package kz.shlyuz.cli;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import kz.shlyuz.gateway.config.ConfigLoader;
import kz.shlyuz.gateway.config.GatewayConfig;
import kz.shlyuz.gateway.evidence.BodyCipher;
import kz.shlyuz.gateway.evidence.ChainVerifier;
import kz.shlyuz.gateway.journal.JournalDatabase;
import kz.shlyuz.gateway.signature.SignatureVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./shlyuz journal}: the journal's evidence chain. */
@Command(
        name = "journal",
        mixinStandardHelpOptions = true,
        description = "The evidence journal.",
        subcommands = {JournalCommand.Verify.class})
final class JournalCommand extends CommandGroup {
    /**
     * {@code journal verify}: recomputes every chain (archives, then the database) and its stamps;
     * exit 0 when everything holds, 1 naming the first record changed, removed or inserted, 2
     * when the journal cannot be read. With an embedded H2 journal, run it while the gateway is
     * stopped (the file is the gateway's while it runs).
     */
    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            description =
                    "Recompute the evidence chain and its time-stamps; name the first record changed, removed or inserted.")
    static final class Verify implements Callable<Integer> {
        @Mixin
        DataOptions data;

        @Option(names = "--config", description = "Gateway configuration (JSON); default: the shipped defaults.")
        Path config;

        @Option(
                names = "--from",
                paramLabel = "T",
                description = "Only records finished at or after T (ISO-8601, e.g. 2026-12-01T00:00:00Z).")
        Instant from;

        @Option(names = "--to", paramLabel = "T", description = "Only records finished at or before T.")
        Instant to;

        @Option(
                names = "--trust",
                paramLabel = "DIR",
                description = "CA certificates the TSA chains to (default: the dev PKI).")
        List<Path> trust;

        @Override
        public Integer call() {
            GatewayConfig cfg;
            SignatureVerifier verifier;
            try {
                cfg = config == null ? ConfigLoader.defaults(data.data) : ConfigLoader.load(config, data.data);
                verifier = EvidenceTrust.offline(trust, cfg.dataDir());
            } catch (RuntimeException e) {
                System.out.println("Cannot verify: " + e.getMessage());
                return 2;
            }
            try (HikariDataSource db = JournalDatabase.open(cfg.journal())) {
                ChainVerifier.Report report = new ChainVerifier(
                                db,
                                cfg.evidence().archiveDir(),
                                BodyCipher.open(cfg.evidence().encryption()),
                                verifier::verifyTimeStamp)
                        .verify(from, to);
                System.out.println("Checked " + report.records() + " record(s), " + report.stamps() + " time-stamp(s), "
                        + report.archives() + " archive file(s)"
                        + (from == null && to == null
                                ? ""
                                : " finished " + (from == null ? "" : "from " + from)
                                        + (to == null ? "" : " to " + to)));
                report.unstampedTail()
                        .forEach((node, n) -> System.out.println(
                                "Chain " + node + ": the last " + n + " record(s) wait for the next batch time-stamp"));
                if (report.holds()) {
                    System.out.println("Result: the chain holds (exit 0)");
                    return 0;
                }
                System.out.println("First problem: " + report.first());
                report.findings().stream().skip(1).limit(20).forEach(f -> System.out.println("  also: " + f));
                System.out.println("Result: the journal was changed (exit 1)");
                return 1;
            } catch (RuntimeException e) {
                System.out.println("Cannot read the journal: " + e.getMessage());
                return 2;
            }
        }
    }
}
