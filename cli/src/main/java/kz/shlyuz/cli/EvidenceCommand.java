package kz.shlyuz.cli;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import kz.shlyuz.gateway.config.ConfigLoader;
import kz.shlyuz.gateway.config.GatewayConfig;
import kz.shlyuz.gateway.evidence.BodyCipher;
import kz.shlyuz.gateway.evidence.ContainerVerifier;
import kz.shlyuz.gateway.evidence.EvidenceExporter;
import kz.shlyuz.gateway.evidence.EvidenceRecord;
import kz.shlyuz.gateway.evidence.JdbcBodyAccessAudit;
import kz.shlyuz.gateway.journal.JournalDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./shlyuz evidence}: export one exchange as an ASiC-E container, and verify one offline. */
@Command(
        name = "evidence",
        mixinStandardHelpOptions = true,
        description = "Export an exchange's evidence (ASiC-E) and verify it offline.",
        subcommands = {EvidenceCommand.Export.class, EvidenceCommand.Verify.class})
final class EvidenceCommand extends CommandGroup {
    /** {@code evidence export}: reading the bodies is audited (evidence_audit) under the OS account's name. */
    @Command(
            name = "export",
            mixinStandardHelpOptions = true,
            description = "Write one message's evidence as a self-contained ASiC-E container.")
    static final class Export implements Callable<Integer> {
        @Mixin
        DataOptions data;

        @Option(names = "--config", description = "Gateway configuration (JSON); default: the shipped defaults.")
        Path config;

        @Option(
                names = "--message-id",
                required = true,
                description = "The message id (of a Call or Submit, or a case step's agency request id).")
        String messageId;

        @Option(names = "--sender", description = "The sending system, when several used the same message id.")
        String sender;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The container to write (.asice).")
        Path out;

        @Option(
                names = "--purpose",
                defaultValue = "export",
                description = "Why the evidence is read (kept in the audit).")
        String purpose;

        @Override
        public Integer call() {
            try {
                GatewayConfig cfg =
                        config == null ? ConfigLoader.defaults(data.data) : ConfigLoader.load(config, data.data);
                try (HikariDataSource db = JournalDatabase.open(cfg.journal())) {
                    EvidenceExporter exporter = new EvidenceExporter(
                            db,
                            BodyCipher.open(cfg.evidence().encryption()),
                            new JdbcBodyAccessAudit(db),
                            Clock.systemUTC());
                    EvidenceRecord record = exporter.find(messageId, sender);
                    exporter.export(record, out, System.getProperty("user.name", "unknown"), purpose);
                    System.out.println("Wrote " + out + ": " + record.kind() + " " + record.serviceId() + " message "
                            + record.messageId() + " (" + record.outcome() + "), record " + record.nodeId() + "#"
                            + record.seq());
                    return 0;
                }
            } catch (RuntimeException e) {
                System.out.println("Cannot export: " + e.getMessage());
                return 1;
            }
        }
    }

    /** {@code evidence verify}: exit 0 only when everything in the container holds. */
    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            description =
                    "Verify an exported container with nothing but trust anchors; print who signed what and when.")
    static final class Verify implements Callable<Integer> {
        @Mixin
        DataOptions data;

        @Parameters(index = "0", paramLabel = "FILE", description = "The container (.asice).")
        Path file;

        @Option(
                names = "--trust",
                paramLabel = "DIR",
                description = "Folder of CA certificates (trust anchors; default: the dev PKI).")
        List<Path> trust;

        @Override
        public Integer call() {
            try {
                ContainerVerifier.Result result =
                        new ContainerVerifier(EvidenceTrust.offline(trust, data.dataDir(Path.of("data")))).verify(file);
                result.lines().forEach(System.out::println);
                return result.holds() ? 0 : 1;
            } catch (Exception e) {
                System.out.println("Cannot verify " + file + ": " + e.getMessage());
                return 2;
            }
        }
    }
}
