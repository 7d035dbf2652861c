package kz.shlyuz.bench.scenario;

import io.grpc.ManagedChannel;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import kz.shlyuz.bench.BenchOptions;
import kz.shlyuz.bench.env.BenchEnvironment;
import kz.shlyuz.bench.load.LatencyStats;
import kz.shlyuz.bench.load.LoadDriver;
import kz.shlyuz.bench.load.LoadPlan;
import kz.shlyuz.bench.report.ResultTable;
import kz.shlyuz.bench.report.Role;
import kz.shlyuz.bench.report.Row;
import kz.shlyuz.certs.cms.CmsSigner;
import kz.shlyuz.certs.cms.SignerKey;
import kz.shlyuz.certs.identity.Employee;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.client.RequestBuilder;
import kz.shlyuz.gateway.server.DevMaterial;
import kz.shlyuz.proto.v1.CabinetGrpc;
import kz.shlyuz.proto.v1.WatchStatusRequest;
import org.HdrHistogram.Recorder;

/**
 * The portal's cabinet under many watchers: {@code streams} {@code Cabinet/WatchStatus} streams
 * of the portal, spread evenly over the dev personas' IINs, while hkko submits TEMPORARY_ID cases
 * for those IINs (closed loop, signed ahead) and the gateway runs them (mvd-docs issues the card).
 * Each status message of a case goes to every stream watching its citizen. Reports the delivered
 * messages per second and the delivery latency (from the message's own time, set when its case
 * changed, to its arrival here; the same machine's clock), and checks every stream of one IIN
 * received the same messages. There is no (a)/(b) baseline: a relay has no status feed to fan out.
 */
public final class CabinetFanOutScenario implements StreamScenario {
    static final String PORTAL = "egov-portal";
    /** Streams per channel: well under the gateway's concurrent-call limit per connection. */
    private static final int STREAMS_PER_CHANNEL = 64;
    /** After the submits stop: time for the last cases to run and their messages to arrive. */
    private static final Duration DRAIN = Duration.ofSeconds(5);

    @Override
    public String name() {
        return "cabinet-fanout";
    }

    @Override
    public String description() {
        return "Cabinet/WatchStatus streams of egov-portal (16 per unit of --concurrency) over the "
                + Persona.values().length + " dev citizens, fed by hkko's Gateway/Submit TEMPORARY_ID cases running "
                + "in the gateway (--concurrency submits in flight); no (a)/(b) baseline: a relay has no status feed";
    }

    /** How many streams a run opens for {@code concurrency}. */
    public static int streams(int concurrency) {
        return Math.min(1024, concurrency * 16);
    }

    @Override
    public List<Row> run(BenchEnvironment env, BenchOptions options, PrintStream out) throws Exception {
        int streamCount = streams(options.concurrency());
        Persona[] citizens = Persona.values();
        List<ManagedChannel> channels = new ArrayList<>();
        for (int i = 0; i < (streamCount + STREAMS_PER_CHANNEL - 1) / STREAMS_PER_CHANNEL; i++) {
            channels.add(env.channel(env.gateway().port(), PORTAL, DevMaterial.GATEWAY_SYSTEM));
        }
        AtomicLong measureFromMicros = new AtomicLong(Long.MAX_VALUE);
        AtomicLong measureUntilMicros = new AtomicLong(Long.MAX_VALUE);
        Recorder latency = new Recorder(1, LatencyStats.MAX_MICROS, 3);
        AtomicLong delivered = new AtomicLong();
        AtomicLong lastDeliveryNanos = new AtomicLong();
        AtomicReference<String> streamError = new AtomicReference<>();
        AtomicLong streamErrors = new AtomicLong();
        List<StatusWatcher> watchers = new ArrayList<>();
        for (int i = 0; i < streamCount; i++) {
            String iin = citizens[i % citizens.length].iin().value();
            StatusWatcher w = new StatusWatcher(
                    iin,
                    measureFromMicros,
                    measureUntilMicros,
                    latency,
                    delivered,
                    lastDeliveryNanos,
                    streamError,
                    streamErrors);
            CabinetGrpc.newStub(channels.get(i / STREAMS_PER_CHANNEL))
                    .withDeadlineAfter(
                            options.warmup()
                                    .plus(options.duration())
                                    .plus(DRAIN)
                                    .plusSeconds(120)
                                    .toMillis(),
                            TimeUnit.MILLISECONDS)
                    .watchStatus(
                            WatchStatusRequest.newBuilder().setCitizenIin(iin).build(), w);
            watchers.add(w);
        }
        out.printf(Locale.ROOT, "bench: %d WatchStatus streams open over %d channels%n", streamCount, channels.size());

        RequestBuilder builder = new RequestBuilder(new CmsSigner(env.clock()));
        SignerKey operator = env.pki().signerKey(Employee.HKKO_OPERATOR.key());
        AtomicLong nextCitizen = new AtomicLong();
        ManagedChannel gateway =
                env.channel(env.gateway().port(), AsyncSubmitScenario.SENDER, DevMaterial.GATEWAY_SYSTEM);
        SignedColumn submits = new SignedColumn(
                Role.SHLYUZ,
                "hkko Gateway/Submit TEMPORARY_ID (producer)",
                gateway,
                () -> AsyncSubmitScenario.sign(
                        builder,
                        operator,
                        citizens[(int) (nextCitizen.getAndIncrement() % citizens.length)]
                                .iin()
                                .value(),
                        env),
                SignedColumn.Rpc.SUBMIT);
        LoadPlan plan = LoadPlan.closedLoop(options.concurrency(), options.duration(), options.maxRequests());
        // Requests are signed ahead, which takes time: sign what the warm-up's rate needs, with headroom.
        long budget = Math.min(options.maxRequests(), 20_000);
        if (!options.warmup().isZero()) {
            out.printf(Locale.ROOT, "bench: warm-up %s of submits (messages not counted)%n", pretty(options.warmup()));
            long warmReady = submits.prepare(Math.min(budget, 3_000));
            LatencyStats warm = LoadDriver.run(
                    "warm-up", plan.withDuration(options.warmup()).withMaxRequests(warmReady), seq -> submits.send());
            budget = Math.min(budget, Math.max(500, (long)
                    Math.ceil(warm.throughput() * options.duration().toMillis() / 1000.0 * 1.5)));
            Thread.sleep(DRAIN.toMillis());
        }
        long ready = submits.prepare(budget);
        out.printf(
                Locale.ROOT,
                "bench: %s of submits at concurrency %d, then up to %s for the last messages%n",
                pretty(options.duration()),
                options.concurrency(),
                pretty(DRAIN));
        long startNanos = System.nanoTime();
        measureFromMicros.set(StatusWatcher.nowMicros());
        latency.reset();
        delivered.set(0);
        LatencyStats produced = LoadDriver.run(submits.label(), plan.withMaxRequests(ready), seq -> submits.send());
        // Counted: the messages of case changes during the submits; later ones (the last cases
        // finishing) are not, so a stream cancelled mid-delivery at the end does not skew the check.
        measureUntilMicros.set(StatusWatcher.nowMicros());
        // Let the last cases finish and their messages arrive: wait until deliveries stop for a second.
        long deadline = System.nanoTime() + DRAIN.toNanos();
        long seen = -1;
        while (System.nanoTime() < deadline && delivered.get() != seen) {
            seen = delivered.get();
            Thread.sleep(1000);
        }
        long elapsed = Math.max(1, lastDeliveryNanos.get() - startNanos);
        LatencyStats deliveries = new LatencyStats(
                String.format(Locale.ROOT, "WatchStatus delivered (%d streams)", streamCount),
                delivered.get(),
                streamErrors.get(),
                elapsed,
                latency.getIntervalHistogram(),
                streamError.get());
        for (StatusWatcher w : watchers) {
            w.cancel();
        }
        List<Row> rows = List.of(new Row(Role.SHLYUZ, produced), new Row(Role.SHLYUZ, deliveries));
        List<String> notes = new ArrayList<>();
        notes.add(
                "deliveries: messages of case changes during the submits, per second of the submits plus their delivery; latency from the message's time (its case "
                        + "changed) to its arrival at the portal's stream; the gateway polls each stream every 100 ms");
        notes.add(StatusWatcher.consistency(watchers));
        if (produced.errors() > 0) {
            notes.add("(c) " + produced.errors() + " failed submits; first: " + produced.firstError());
        }
        if (deliveries.errors() > 0) {
            notes.add("(c) " + deliveries.errors() + " streams failed; first: " + deliveries.firstError());
        }
        out.println();
        String title = String.format(
                Locale.ROOT,
                "scenario %s: %s%n%d submits in flight, %s measured after %s warm-up; "
                        + "client and servers on the same %d cores",
                name(),
                description(),
                options.concurrency(),
                pretty(options.duration()),
                pretty(options.warmup()),
                Runtime.getRuntime().availableProcessors());
        ResultTable.print(out, title, rows, notes, Optional.of(env.gateway().memory()));
        return rows;
    }

    private static String pretty(Duration d) {
        return d.toMillis() % 1000 == 0 ? (d.toMillis() / 1000) + " s" : d.toMillis() + " ms";
    }
}
