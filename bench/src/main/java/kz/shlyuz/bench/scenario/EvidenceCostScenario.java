package kz.shlyuz.bench.scenario;

import io.grpc.ManagedChannel;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kz.shlyuz.bench.BenchOptions;
import kz.shlyuz.bench.env.BenchEnvironment;
import kz.shlyuz.bench.env.BenchEvidenceMode;
import kz.shlyuz.bench.env.GatewayProcess;
import kz.shlyuz.bench.load.LatencyStats;
import kz.shlyuz.bench.report.Role;
import kz.shlyuz.bench.report.Row;
import kz.shlyuz.certs.cms.CmsSigner;
import kz.shlyuz.certs.cms.SignerKey;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.client.RequestBuilder;
import kz.shlyuz.gateway.config.ConfigLoader;
import kz.shlyuz.gateway.config.EvidenceSettings;
import kz.shlyuz.gateway.config.GatewayConfig;
import kz.shlyuz.gateway.server.DevMaterial;
import kz.shlyuz.proto.seal.AnswerForm;
import kz.shlyuz.proto.v1.SignedRequest;

/**
 * What the evidence archive costs (issue 13 point 7): the signed address certificate through two
 * gateway JVMs side by side, one logging full evidence (bodies, signatures, revocation evidence)
 * and one metadata only, each with the countersigned and the batch-sealed answer. The four columns
 * take turns in rounds. Printed per gateway and column: req/s and the gateway's CPU per call, the
 * difference full vs metadata (target: at most 10 %); per gateway the evidence bytes per record
 * (exact, from the database) and the H2 file's growth per record.
 */
public final class EvidenceCostScenario implements StreamScenario {
    private static final EvidenceSettings.Mode[] MODES = {EvidenceSettings.Mode.FULL, EvidenceSettings.Mode.METADATA};
    private static final String[] FORMS = {"countersigned", "batch seal"};

    @Override
    public String name() {
        return "evidence-cost";
    }

    @Override
    public String description() {
        return "Gateway/Call ADDRESS_CERTIFICATE (RSA), countersigned and batch-sealed, through a gateway with "
                + "evidence.mode full and one with metadata, in turns: req/s, gateway CPU per call, bytes per message";
    }

    @Override
    public List<Row> run(BenchEnvironment env, BenchOptions options, PrintStream out) throws Exception {
        Path runDir = Files.createTempDirectory("shlyuz-bench-evidence-");
        List<String> adapters = env.adapterArguments();
        RequestBuilder builder = new RequestBuilder(new CmsSigner(env.clock()));
        SignerKey citizen = env.pki().signerKey(Persona.CLEAN.key());
        String iin = Persona.CLEAN.iin().value();
        Path[] dirs = new Path[2];
        for (int g = 0; g < 2; g++) {
            dirs[g] = runDir.resolve(MODES[g].name().toLowerCase(Locale.ROOT));
            BenchEvidenceMode.write(dirs[g], MODES[g]);
        }
        try (GatewayProcess full = GatewayProcess.start(env.pki().dir(), dirs[0], adapters);
                GatewayProcess metadata = GatewayProcess.start(env.pki().dir(), dirs[1], adapters)) {
            GatewayProcess[] gateways = {full, metadata};
            long[] fileAtStart = {storeSize(dirs[0]), storeSize(dirs[1])};
            // [gateway][form]
            SignedColumn[][] columns = new SignedColumn[2][2];
            String[][] labels = new String[2][2];
            for (int g = 0; g < 2; g++) {
                ManagedChannel channel =
                        env.channel(gateways[g].port(), SyncCallScenario.SENDER, DevMaterial.GATEWAY_SYSTEM);
                for (int f = 0; f < 2; f++) {
                    labels[g][f] = "evidence " + MODES[g].name().toLowerCase(Locale.ROOT) + ", " + FORMS[f];
                    java.util.function.Supplier<SignedRequest> signer =
                            () -> SyncCallScenario.sign(builder, citizen, iin, env);
                    columns[g][f] = f == 0
                            ? new SignedColumn(Role.SHLYUZ, labels[g][f], channel, signer, SignedColumn.Rpc.CALL)
                            : new SignedColumn(
                                    Role.SHLYUZ_SEALED,
                                    labels[g][f],
                                    channel,
                                    signer,
                                    SignedColumn.Rpc.CALL,
                                    AnswerForm.BATCH_SEAL);
                }
            }
            // Turns: for each answer form, full then metadata.
            List<TurnTaking.Entry> entries = new ArrayList<>();
            for (int f = 0; f < 2; f++) {
                for (int g = 0; g < 2; g++) {
                    entries.add(new TurnTaking.Entry(labels[g][f], columns[g][f], gateways[g]));
                }
            }
            List<TurnTaking.Measured> measured = TurnTaking.run(name(), entries, options, out);
            LatencyStats[][] merged = new LatencyStats[2][2];
            double[][] perCall = new double[2][2];
            for (int f = 0; f < 2; f++) {
                for (int g = 0; g < 2; g++) {
                    merged[g][f] = measured.get(2 * f + g).stats();
                    perCall[g][f] = measured.get(2 * f + g).cpuMillisPerCall();
                }
            }
            // Stopped before the database is read: the embedded H2 file is the gateway's while it runs.
            full.close();
            metadata.close();
            StoreFigures[] store = {
                StoreFigures.read(dirs[0], fileAtStart[0]), StoreFigures.read(dirs[1], fileAtStart[1])
            };

            List<Row> rows = new ArrayList<>();
            out.println();
            out.println("scenario evidence-cost: " + description());
            out.println("req/s and gateway CPU per call (measured rounds only):");
            for (int f = 0; f < 2; f++) {
                for (int g = 0; g < 2; g++) {
                    LatencyStats s = merged[g][f];
                    out.printf(
                            Locale.ROOT,
                            "  %-36s %8.1f req/s  %7.3f ms CPU/call  (%d calls, %d errors, p99 %.2f ms)%n",
                            labels[g][f],
                            s.throughput(),
                            perCall[g][f],
                            s.ok(),
                            s.errors(),
                            s.percentileMillis(99));
                    rows.add(new Row(f == 0 ? Role.SHLYUZ : Role.SHLYUZ_SEALED, s));
                }
                out.printf(
                        Locale.ROOT,
                        "  %-36s %+.1f %% CPU per call, %+.1f %% req/s (full vs metadata; target: CPU "
                                + "at most +10 %%)%n",
                        FORMS[f] + ": difference",
                        (perCall[0][f] - perCall[1][f]) / perCall[1][f] * 100,
                        (merged[0][f].throughput() - merged[1][f].throughput()) / merged[1][f].throughput() * 100);
            }
            out.println("database bytes per message (every call of the run, warm-up included; gateway stopped):");
            for (int g = 0; g < 2; g++) {
                StoreFigures s = store[g];
                out.printf(
                        Locale.ROOT,
                        "  %-36s %8.0f B evidence bodies/record  %8.0f B H2 file growth/record  "
                                + "(%d records, %d B CRLs kept once)%n",
                        "evidence " + MODES[g].name().toLowerCase(Locale.ROOT),
                        s.bodyBytesPerRecord(),
                        s.fileGrowthPerRecord(),
                        s.records(),
                        s.crlBytes());
            }
            out.println("  evidence bodies = octet_length of request_content + request_cms + answer + revocation of "
                    + "evidence_record (exact); H2 file growth = journal.mv.db after stop minus after start, over the "
                    + "records: journal, evidence metadata and indexes included, and the store's unused space, so an "
                    + "approximation that is closer the longer the run");
            out.println("  (measure on a quiet machine, --rounds 4 or more)");
            return rows;
        } finally {
            deleteTree(runDir);
        }
    }

    private static void deleteTree(Path dir) {
        if (Boolean.getBoolean("shlyuz.bench.keep")) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Leftovers in the temporary folder are harmless.
        }
    }

    private static Path storeFile(Path runDir) {
        return BenchEvidenceMode.dataDir(runDir).resolve("journal.mv.db");
    }

    private static long storeSize(Path runDir) throws IOException {
        Path file = storeFile(runDir);
        return Files.exists(file) ? Files.size(file) : 0;
    }

    /** What one gateway's database holds after the run. */
    record StoreFigures(long records, long bodyBytes, long crlBytes, long fileGrowth) {
        double bodyBytesPerRecord() {
            return records == 0 ? Double.NaN : (double) bodyBytes / records;
        }

        double fileGrowthPerRecord() {
            return records == 0 ? Double.NaN : (double) fileGrowth / records;
        }

        static StoreFigures read(Path runDir, long fileAtStart) throws IOException, SQLException {
            // The file first: opening the database here may write to it.
            long fileGrowth = storeSize(runDir) - fileAtStart;
            GatewayConfig config = ConfigLoader.defaults(BenchEvidenceMode.dataDir(runDir));
            long records;
            long bodies;
            long crls;
            try (Connection c = DriverManager.getConnection(
                            config.journal().jdbcUrl(),
                            config.journal().user(),
                            config.journal().password());
                    Statement st = c.createStatement()) {
                try (ResultSet rs =
                        st.executeQuery("SELECT COUNT(*), COALESCE(SUM(COALESCE(OCTET_LENGTH(request_content), 0)"
                                + " + COALESCE(OCTET_LENGTH(request_cms), 0) + COALESCE(OCTET_LENGTH(answer), 0)"
                                + " + COALESCE(OCTET_LENGTH(revocation), 0)), 0) FROM evidence_record")) {
                    rs.next();
                    records = rs.getLong(1);
                    bodies = rs.getLong(2);
                }
                try (ResultSet rs = st.executeQuery("SELECT COALESCE(SUM(OCTET_LENGTH(der)), 0) FROM evidence_crl")) {
                    rs.next();
                    crls = rs.getLong(1);
                }
            }
            return new StoreFigures(records, bodies, crls, fileGrowth);
        }
    }
}
