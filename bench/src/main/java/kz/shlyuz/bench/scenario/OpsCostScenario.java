package kz.shlyuz.bench.scenario;

import io.grpc.ManagedChannel;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kz.shlyuz.bench.BenchOptions;
import kz.shlyuz.bench.env.BenchEnvironment;
import kz.shlyuz.bench.env.GatewayProcess;
import kz.shlyuz.bench.load.LatencyStats;
import kz.shlyuz.bench.report.Role;
import kz.shlyuz.bench.report.Row;
import kz.shlyuz.certs.cms.CmsSigner;
import kz.shlyuz.certs.cms.SignerKey;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.client.RequestBuilder;

/**
 * What operations cost (issue 12): the signed address certificate through two gateway JVMs side
 * by side, one as production runs it — metrics on (scraped nowhere, but recorded), tracing off,
 * JSON logs — and one without any of it (no metrics, text logs). The two take turns in rounds;
 * the gateway's CPU per call of each, and their difference, are printed (target: under 5 %).
 */
public final class OpsCostScenario implements StreamScenario {
    @Override
    public String name() {
        return "ops-cost";
    }

    @Override
    public String description() {
        return "Gateway/Call ADDRESS_CERTIFICATE (RSA) through a gateway with metrics + JSON logs (tracing off) "
                + "and one without them, in turns: gateway CPU per call";
    }

    @Override
    public List<Row> run(BenchEnvironment env, BenchOptions options, PrintStream out) throws Exception {
        Path runDir = Files.createTempDirectory("shlyuz-bench-ops-");
        List<String> adapters = env.adapterArguments();
        RequestBuilder builder = new RequestBuilder(new CmsSigner(env.clock()));
        SignerKey citizen = env.pki().signerKey(Persona.CLEAN.key());
        String iin = Persona.CLEAN.iin().value();
        try (GatewayProcess on = GatewayProcess.start(env.pki().dir(), runDir, adapters, GatewayProcess.Operations.ON);
                GatewayProcess off =
                        GatewayProcess.start(env.pki().dir(), runDir, adapters, GatewayProcess.Operations.OFF)) {
            GatewayProcess[] gateways = {on, off};
            String[] labels = {
                "operations on (metrics, JSON logs, tracing off)", "operations off (no metrics, text logs)"
            };
            SignedColumn[] columns = new SignedColumn[2];
            for (int g = 0; g < 2; g++) {
                ManagedChannel channel = env.channel(
                        gateways[g].port(),
                        SyncCallScenario.SENDER,
                        kz.shlyuz.gateway.server.DevMaterial.GATEWAY_SYSTEM);
                columns[g] = new SignedColumn(
                        Role.SHLYUZ,
                        labels[g],
                        channel,
                        () -> SyncCallScenario.sign(builder, citizen, iin, env),
                        SignedColumn.Rpc.CALL);
            }
            List<TurnTaking.Measured> measured = TurnTaking.run(
                    name(),
                    List.of(
                            new TurnTaking.Entry(labels[0], columns[0], on),
                            new TurnTaking.Entry(labels[1], columns[1], off)),
                    options,
                    out);
            List<Row> rows = new ArrayList<>();
            double[] perCall = new double[2];
            out.println();
            out.println("scenario ops-cost: " + description());
            out.println("gateway CPU per call:");
            for (int g = 0; g < 2; g++) {
                LatencyStats stats = measured.get(g).stats();
                perCall[g] = measured.get(g).cpuMillisPerCall();
                out.printf(
                        Locale.ROOT,
                        "  %-50s %7.3f ms  (%d calls, %d errors, %.1f req/s, p99 %.2f ms)%n",
                        labels[g],
                        perCall[g],
                        stats.ok(),
                        stats.errors(),
                        stats.throughput(),
                        stats.percentileMillis(99));
                rows.add(new Row(Role.SHLYUZ, stats));
            }
            double difference = (perCall[0] - perCall[1]) / perCall[1] * 100;
            out.printf(
                    Locale.ROOT,
                    "  difference: %+.1f %% of the gateway's CPU per call (target: under 5 %%; measure "
                            + "on a quiet machine, --rounds 4 or more)%n",
                    difference);
            return rows;
        }
    }
}
