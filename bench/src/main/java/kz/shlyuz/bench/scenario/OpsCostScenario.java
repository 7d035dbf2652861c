package kz.shlyuz.bench.scenario;

import io.grpc.ManagedChannel;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kz.shlyuz.bench.BenchOptions;
import kz.shlyuz.bench.env.BenchEnvironment;
import kz.shlyuz.bench.env.GatewayProcess;
import kz.shlyuz.bench.env.ProcessCpu;
import kz.shlyuz.bench.load.LatencyStats;
import kz.shlyuz.bench.load.LoadDriver;
import kz.shlyuz.bench.load.LoadPlan;
import kz.shlyuz.bench.report.Role;
import kz.shlyuz.bench.report.Row;
import kz.shlyuz.certs.cms.CmsSigner;
import kz.shlyuz.certs.cms.SignerKey;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.client.RequestBuilder;
import kz.shlyuz.proto.v1.AddressCertificateRequest;

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
        List<String> adapters = List.of(
                BenchEnvironment.AGENCY + "=" + env.adapterPort(),
                BenchEnvironment.DOCS_AGENCY + "=" + env.docsAdapterPort());
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
                        () -> builder.sign(
                                RequestBuilder.content(
                                        SyncCallScenario.SENDER,
                                        SyncCallScenario.SERVICE,
                                        AddressCertificateRequest.newBuilder()
                                                .setIin(iin)
                                                .build(),
                                        env.clock().instant()),
                                List.of(citizen)),
                        SignedColumn.Rpc.CALL);
            }
            Duration slice = options.duration().dividedBy(Math.max(1, options.rounds()));
            LatencyStats[] merged = new LatencyStats[2];
            long[] cpu = new long[2];
            // Requests are signed ahead; the warm-up's rate decides how many a round needs (30 % headroom).
            double[] rate = {200, 200};
            for (int round = 1; round <= options.rounds(); round++) {
                for (int g = 0; g < 2; g++) {
                    SignedColumn warming = columns[g];
                    if (round == 1 && !options.warmup().isZero()) {
                        long warm = warming.prepare(Math.min(
                                options.maxRequests(),
                                (long) (1000 * options.warmup().toMillis() / 1000.0) + options.concurrency()));
                        LatencyStats warmed = LoadDriver.run(
                                "warm-up",
                                LoadPlan.closedLoop(options.concurrency(), options.warmup(), warm),
                                seq -> warming.send());
                        rate[g] = Math.max(rate[g], warmed.throughput());
                    }
                    long ready = columns[g].prepare(Math.min(
                            options.maxRequests(),
                            (long) Math.ceil(rate[g] * slice.toMillis() / 1000.0 * 1.3) + options.concurrency()));
                    out.printf(
                            Locale.ROOT,
                            "bench: ops-cost round %d/%d, %s — %s at concurrency %d%n",
                            round,
                            options.rounds(),
                            labels[g],
                            slice,
                            options.concurrency());
                    long before = ProcessCpu.nanos(gateways[g].process(), false);
                    int column = g;
                    LatencyStats stats = LoadDriver.run(
                            labels[g],
                            LoadPlan.closedLoop(options.concurrency(), slice, ready),
                            seq -> columns[column].send());
                    cpu[g] += ProcessCpu.nanos(gateways[g].process(), false) - before;
                    merged[g] = merged[g] == null ? stats : merged[g].plus(stats);
                    rate[g] = Math.max(rate[g], stats.throughput());
                }
            }
            List<Row> rows = new ArrayList<>();
            double[] perCall = new double[2];
            out.println();
            out.println("scenario ops-cost: " + description());
            out.println("gateway CPU per call:");
            for (int g = 0; g < 2; g++) {
                perCall[g] = merged[g].ok() == 0 ? Double.NaN : cpu[g] / 1e6 / merged[g].ok();
                out.printf(
                        Locale.ROOT,
                        "  %-50s %7.3f ms  (%d calls, %d errors, %.1f req/s, p99 %.2f ms)%n",
                        labels[g],
                        perCall[g],
                        merged[g].ok(),
                        merged[g].errors(),
                        merged[g].throughput(),
                        merged[g].percentileMillis(99));
                rows.add(new Row(Role.SHLYUZ, merged[g]));
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
