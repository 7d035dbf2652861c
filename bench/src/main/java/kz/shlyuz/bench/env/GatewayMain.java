package kz.shlyuz.bench.env;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import kz.shlyuz.certs.pki.DevPki;
import kz.shlyuz.gateway.config.AdapterEndpoint;
import kz.shlyuz.gateway.config.ConfigLoader;
import kz.shlyuz.gateway.config.GatewayConfig;
import kz.shlyuz.gateway.server.DevMaterial;
import kz.shlyuz.gateway.server.GatewayServer;

/**
 * The gateway as the benchmark runs it: its own JVM (started by {@link GatewayProcess} with the
 * heap limit under test), the shipped default configuration on an ephemeral loopback port, the
 * journal in a temporary folder. It talks to its parent over stdin/stdout, one line each:
 * {@code READY <port>} once serving; {@code MEM} is answered with {@code MEM <peak heap used>
 * <peak heap committed> <max heap>} (bytes, sampled every 10 ms); {@code HOLD} and {@code RESUME}
 * hold and resume the node's case work (its outbox worker), answered {@code HELD} and {@code
 * RESUMED}; {@code JIT} with {@code JIT <milliseconds the JIT compilers have worked so far>};
 * {@code SEAL} with {@code SEAL <seal batches> <answers sealed>}; {@code STAGES} with {@code STAGES
 * <stage>=<count>:<total nanoseconds> ...}, the call stages' timers and the whole call's ({@code call});
 * {@code STOP} or the end of stdin (the parent died) closes the gateway gracefully and
 * exits.
 *
 * <p>Arguments: {@code <pki dir> <data dir> <agency>=<port>...}
 */
public final class GatewayMain {
    static final String PREFIX = "SHLYUZ-BENCH ";
    /** System property: the log file. */
    static final String LOG_FILE = "shlyuz.bench.logFile";
    /** System property: a {@link GatewayProcess.Operations} name. */
    static final String OPS = "shlyuz.bench.ops";
    /** System property: the journal's JDBC URL (PostgreSQL, user and password as parameters); none: H2 in the data dir. */
    static final String DB = "shlyuz.bench.db";
    /**
     * System property: a rate (per second) that replaces the shipped rate limits, global and per
     * sender, for a scenario measuring capacity beyond them (hkko's shipped limit is 300/s).
     */
    static final String RATE_LIMIT = "shlyuz.bench.rateLimit";

    private GatewayMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: GatewayMain <pki dir> <data dir> <agency>=<port>...");
            System.exit(2);
        }
        GatewayProcess.Operations ops = GatewayProcess.Operations.valueOf(System.getProperty(OPS, "DEFAULT"));
        String logFile = System.getProperty(LOG_FILE);
        kz.shlyuz.gateway.ops.logging.LogSetup.configure(
                ops == GatewayProcess.Operations.ON
                        ? kz.shlyuz.gateway.ops.logging.LogSetup.Format.JSON
                        : kz.shlyuz.gateway.ops.logging.LogSetup.Format.TEXT,
                logFile == null ? null : Path.of(logFile));
        DevPki pki = DevPki.load(Path.of(args[0]));
        var opsSettings = ConfigLoader.defaults().ops().withAdminPort(0);
        if (ops == GatewayProcess.Operations.OFF) {
            opsSettings = opsSettings.withAdmin(new kz.shlyuz.gateway.config.OpsSettings.Admin(
                    false, "127.0.0.1", 0, java.util.Set.of(), false, true));
        }
        GatewayConfig defaults =
                ConfigLoader.defaults(Path.of(args[1])).withPort(0).withOps(opsSettings);
        defaults = BenchEvidenceMode.apply(defaults, Path.of(args[1]));
        String db = System.getProperty(DB);
        if (db != null) {
            defaults = defaults.withJournal(new GatewayConfig.JournalSettings(
                    db, null, null, defaults.journal().poolSize()));
        }
        String rate = System.getProperty(RATE_LIMIT);
        if (rate != null) {
            defaults = defaults.withEdge(liftRateLimits(defaults.edge(), Double.parseDouble(rate)));
        }
        Map<String, AdapterEndpoint> endpoints = new LinkedHashMap<>(defaults.adapters());
        for (int i = 2; i < args.length; i++) {
            String[] agencyPort = args[i].split("=", 2);
            AdapterEndpoint configured = endpoints.get(agencyPort[0]);
            if (configured == null || agencyPort.length != 2) {
                throw new IllegalArgumentException("adapter: " + args[i] + " (expected: <configured agency>=<port>)");
            }
            endpoints.put(
                    agencyPort[0],
                    new AdapterEndpoint("127.0.0.1", Integer.parseInt(agencyPort[1]), configured.signerBins()));
        }
        Clock clock = Clock.systemUTC();
        HeapSampler sampler = new HeapSampler();
        sampler.start();
        GatewayServer gateway = GatewayServer.start(defaults.withAdapters(endpoints), DevMaterial.from(pki, clock));
        reply("READY " + gateway.port());
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.equals("MEM")) {
                    reply(sampler.report());
                } else if (line.equals("JIT")) {
                    reply("JIT " + ManagementFactory.getCompilationMXBean().getTotalCompilationTime());
                } else if (line.equals("SEAL")) {
                    var registry = gateway.operations().metrics().registry();
                    reply("SEAL "
                            + (long) registry.get("shlyuz.seal.batches")
                                    .functionCounter()
                                    .count() + " "
                            + (long) registry.get("shlyuz.seal.answers")
                                    .functionCounter()
                                    .count());
                } else if (line.equals("STAGES")) {
                    reply(stages(gateway.operations().metrics().registry()));
                } else if (line.equals("HOLD") || line.equals("RESUME")) {
                    gateway.outbox().hold(line.equals("HOLD"));
                    reply(line.equals("HOLD") ? "HELD" : "RESUMED");
                } else if (line.equals("STOP")) {
                    break;
                }
            }
        } finally {
            gateway.close();
            reply("STOPPED");
        }
        System.exit(0);
    }

    /** The stage timers' counts and totals, summed over their other tags, and the whole calls' as {@code call}. */
    private static String stages(io.micrometer.core.instrument.MeterRegistry registry) {
        StageTimes times = StageTimes.NONE;
        for (var timer : registry.find("shlyuz.call.stage.duration").timers()) {
            times = times.with(timer.getId().getTag("stage"), timer.count(), nanos(timer));
        }
        for (var timer : registry.find("shlyuz.call.duration").timers()) {
            times = times.with("call", timer.count(), nanos(timer));
        }
        return "STAGES " + times.format();
    }

    private static long nanos(io.micrometer.core.instrument.Timer timer) {
        return (long) timer.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    private static kz.shlyuz.gateway.config.EdgeSettings liftRateLimits(
            kz.shlyuz.gateway.config.EdgeSettings edge, double perSecond) {
        var limit = new kz.shlyuz.gateway.config.EdgeSettings.RateLimit(perSecond, (int) (2 * perSecond));
        var lifted = edge.withGlobalRateLimit(limit);
        for (var sender : edge.senders().entrySet()) {
            lifted = lifted.withSender(
                    sender.getKey(),
                    new kz.shlyuz.gateway.config.EdgeSettings.SenderLimits(
                            limit, sender.getValue().dailyQuota()));
        }
        return lifted;
    }

    private static synchronized void reply(String line) {
        System.out.println(PREFIX + line);
        System.out.flush();
    }

    /** Polls the heap, since the pools' own peaks add up to more than the heap ever held at once. */
    private static final class HeapSampler extends Thread {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final AtomicLong peakUsed = new AtomicLong();
        private final AtomicLong peakCommitted = new AtomicLong();

        HeapSampler() {
            super("bench-heap-sampler");
            setDaemon(true);
        }

        @Override
        public void run() {
            while (true) {
                sample();
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private void sample() {
            MemoryUsage heap = memory.getHeapMemoryUsage();
            peakUsed.accumulateAndGet(heap.getUsed(), Math::max);
            peakCommitted.accumulateAndGet(heap.getCommitted(), Math::max);
        }

        String report() {
            sample();
            return "MEM " + peakUsed.get() + " " + peakCommitted.get() + " "
                    + memory.getHeapMemoryUsage().getMax();
        }
    }
}
