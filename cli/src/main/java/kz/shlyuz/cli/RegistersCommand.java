package kz.shlyuz.cli;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import kz.shlyuz.gateway.config.ConfigLoader;
import kz.shlyuz.gateway.config.GatewayConfig;
import kz.shlyuz.gateway.evidence.DataDirectory;
import kz.shlyuz.gateway.journal.JournalDatabase;
import kz.shlyuz.gateway.registers.Register;
import kz.shlyuz.gateway.registers.RegisterExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./shlyuz registers}: the registers the regulations require (002 §19 exit-case book, 001
 * §13 consulate journal), listed and exported as CSV. Each export is an audited act (who, when,
 * what, why: {@code register_export}). With an embedded H2 journal, run it while the gateway is
 * stopped, as {@code journal verify}; with {@code --db} against the running cluster's database.
 */
@Command(
        name = "registers",
        mixinStandardHelpOptions = true,
        description = "The registers the regulations require: list them, export one as CSV (audited).",
        subcommands = {RegistersCommand.ListRegisters.class, RegistersCommand.Export.class})
final class RegistersCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Where the registers are: the configuration's journal, or {@code --db}. */
    static final class Source {
        @Mixin
        DataOptions data;

        @Option(names = "--config", description = "Gateway configuration (JSON); default: the shipped defaults.")
        Path config;

        @Option(
                names = "--db",
                paramLabel = "JDBC_URL",
                description = "The gateway's database instead of the configured journal, e.g. "
                        + "jdbc:postgresql://host:5432/shlyuz?user=shlyuz&password=…")
        String db;

        HikariDataSource open() {
            GatewayConfig cfg =
                    config == null ? ConfigLoader.defaults(data.data) : ConfigLoader.load(config, data.data);
            GatewayConfig.JournalSettings journal =
                    db == null ? cfg.journal() : DatabaseTarget.parse(db).applyTo(cfg.journal());
            return JournalDatabase.open(journal);
        }
    }

    /** {@code registers list}: each register, its seed, who keeps it, and how many rows it has. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the registers and their sizes.")
    static final class ListRegisters implements Callable<Integer> {
        @Mixin
        Source source = new Source();

        @Override
        public Integer call() {
            try (HikariDataSource db = source.open()) {
                for (RegisterExport.Summary s : new RegisterExport(db, Clock.systemUTC()).list()) {
                    Register r = s.register();
                    System.out.println(r.id() + "  " + r.titleKk() + " / " + r.titleRu() + "  (" + r.seed() + ")");
                    System.out.println("    rows: " + s.rows()
                            + (s.first() == null ? "" : ", from " + s.first() + " to " + s.last()));
                    System.out.println("    kept by " + r.keeper() + "; exported only by them (audited)");
                }
                return 0;
            } catch (RuntimeException e) {
                System.out.println("Cannot read the registers: " + e.getMessage());
                return 2;
            }
        }
    }

    /**
     * {@code registers export}: writes one register as CSV to {@code --out} (0600, written whole
     * or not at all) or to standard output, and records the export.
     */
    @Command(
            name = "export",
            mixinStandardHelpOptions = true,
            description =
                    "Export one register as CSV (UTF-8, RFC 4180); the export is recorded (who, when, what, why).")
    static final class Export implements Callable<Integer> {
        @Mixin
        Source source = new Source();

        @Option(
                names = "--register",
                required = true,
                paramLabel = "NAME",
                description = "exit-cases (002 §19, annex 3) or consular-journal (001 §13, annex 5).")
        String register;

        @Option(names = "--from", paramLabel = "DATE", description = "First day (yyyy-MM-dd, Astana), inclusive.")
        LocalDate from;

        @Option(names = "--to", paramLabel = "DATE", description = "Last day (yyyy-MM-dd, Astana), inclusive.")
        LocalDate to;

        @Option(names = "--out", paramLabel = "FILE", description = "The CSV file (default: standard output).")
        Path out;

        @Option(
                names = "--purpose",
                defaultValue = "register export",
                description = "Why the register is exported (kept in the audit).")
        String purpose;

        @Override
        public Integer call() {
            Register chosen = Register.named(register)
                    .orElseThrow(() -> new UsageError("--register: '" + register + "' (expected one of "
                            + String.join(", ", Register.ids()) + ")"));
            if (from != null && to != null && to.isBefore(from)) {
                throw new UsageError("--to: " + to + " (expected: on or after --from " + from + ")");
            }
            String actor = System.getProperty("user.name", "unknown");
            try (HikariDataSource db = source.open()) {
                RegisterExport export = new RegisterExport(db, Clock.systemUTC());
                RegisterExport.Exported done;
                if (out == null) {
                    done = export.export(chosen, from, to, System.out, "-", actor, purpose);
                    System.out.flush();
                    System.err.println("Exported " + done.rows() + " row(s) of " + chosen.id() + ", SHA-256 "
                            + done.sha256() + " (recorded)");
                } else {
                    done = toFile(export, chosen, actor);
                    System.out.println("Wrote " + out + ": " + done.rows() + " row(s) of " + chosen.id() + " ("
                            + chosen.seed() + "), SHA-256 " + done.sha256() + "; the export is recorded for " + actor);
                }
                return 0;
            } catch (RuntimeException e) {
                System.out.println("Cannot export: " + e.getMessage());
                return 1;
            }
        }

        /** Into a 0600 file beside {@code out}, moved in place only once the export is recorded. */
        private RegisterExport.Exported toFile(RegisterExport export, Register chosen, String actor) {
            Path target = out.toAbsolutePath();
            Path partial = null;
            try {
                Files.createDirectories(target.getParent());
                partial = Files.createTempFile(target.getParent(), ".register-", ".partial");
                DataDirectory.restrict(partial);
                RegisterExport.Exported done;
                try (OutputStream stream = Files.newOutputStream(partial)) {
                    done = export.export(chosen, from, to, stream, target.toString(), actor, purpose);
                }
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                partial = null;
                return done;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + target, e);
            } finally {
                if (partial != null) {
                    try {
                        Files.deleteIfExists(partial);
                    } catch (IOException ignored) {
                        // A stray .partial file holds no recorded export; removing it is best effort.
                    }
                }
            }
        }
    }
}
