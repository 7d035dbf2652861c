package kz.shlyuz.gateway.ops.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import kz.shlyuz.gateway.journal.JournalEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's meters, in one Prometheus registry per gateway, every name prefixed
 * {@code shlyuz_} (JVM and process meters too, so one prefix finds everything the node exports).
 * Call meters are fed from the journal entries ({@link MeteredJournal}), so a refusal is counted by
 * whatever {@code Reason} it carries, including reasons added later. The signature checks' outside
 * calls (OCSP, CRLs, time-stamps) count through {@link #signatureEvents()}, which the gateway passes
 * to its verifier. With {@code enabled} false (the bench's
 * baseline) every meter is a no-op and nothing is exported.
 */
public final class GatewayMetrics implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GatewayMetrics.class);
    /** Buckets of the latency histograms: from a cache hit to the agency deadline. */
    private static final Duration[] BUCKETS = {
        Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
        Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
        Duration.ofSeconds(10)
    };
    /** Tag value for anything a caller named that the configuration does not know (bounded cardinality). */
    public static final String OTHER = "other";

    private final MeterRegistry registry;
    private final Set<String> services;
    private final Set<String> senders;
    private final List<Runnable> beforeScrape = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> binders = new CopyOnWriteArrayList<>();
    private final SignatureMeters signatureMeters;

    /**
     * @param services the service ids a request may name (others are tagged {@value #OTHER})
     * @param senders the configured senders (others are tagged {@value #OTHER})
     */
    public GatewayMetrics(Set<String> services, Set<String> senders, boolean enabled) {
        this.services = Set.copyOf(services);
        this.senders = Set.copyOf(senders);
        if (!enabled) {
            // A composite with no registry below it: every meter is a no-op.
            this.registry = new io.micrometer.core.instrument.composite.CompositeMeterRegistry();
            this.signatureMeters = new SignatureMeters(registry);
            return;
        }
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                return id.getName().startsWith("shlyuz.") ? id : id.withName("shlyuz." + id.getName());
            }
        });
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        binders.add(gc);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        this.signatureMeters = new SignatureMeters(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Where the gateway's verifier and time-stamper tell their outside calls. */
    public SignatureMeters signatureEvents() {
        return signatureMeters;
    }

    /** Runs before each scrape: gauges that read the database or the trust refresh themselves here. */
    public void beforeScrape(Runnable refresh) {
        beforeScrape.add(refresh);
    }

    /** The Prometheus text exposition of every meter. */
    public String scrape() {
        for (Runnable r : beforeScrape) {
            try {
                r.run();
            } catch (RuntimeException e) {
                // A gauge that cannot be refreshed keeps its last value; the scrape still answers.
                log.warn("metrics: a gauge could not be refreshed: {}", e.toString());
            }
        }
        return registry instanceof PrometheusMeterRegistry prometheus ? prometheus.scrape() : "";
    }

    /** One call (or Submit) as journaled: counted by service, sender, outcome and reason. */
    public void record(JournalEntry entry) {
        String service = service(entry.serviceId());
        String reason = entry.reason() == null ? "none" : entry.reason();
        Counter.builder("shlyuz.requests")
                .description("Calls and Submits by service, sender, outcome and refusal reason")
                .tags(Tags.of(
                        "service",
                        service,
                        "sender",
                        sender(entry.sender()),
                        "outcome",
                        entry.outcome().name(),
                        "reason",
                        reason))
                .register(registry)
                .increment();
        if (entry.totalMicros() >= 0) {
            histogram("shlyuz.call.duration", "Whole call, from receipt to the journaled answer or refusal")
                    .tags("service", service, "outcome", entry.outcome().name())
                    .register(registry)
                    .record(entry.totalMicros(), TimeUnit.MICROSECONDS);
        }
    }

    /** The latency histogram of one part of a call (admission, verification, agency, journal, seal). */
    public Timer stage(String stage) {
        return histogram(
                        "shlyuz.call.stage.duration", "Parts of a call: admission, verification, agency, journal, seal")
                .tags("stage", stage)
                .register(registry);
    }

    /** A latency histogram with the gateway's buckets. */
    public static Timer.Builder histogram(String name, String description) {
        return Timer.builder(name)
                .description(description)
                .serviceLevelObjectives(BUCKETS)
                .minimumExpectedValue(BUCKETS[0])
                .maximumExpectedValue(BUCKETS[BUCKETS.length - 1]);
    }

    public String service(String serviceId) {
        return serviceId != null && services.contains(serviceId) ? serviceId : OTHER;
    }

    public String sender(String sender) {
        return sender != null && senders.contains(sender) ? sender : OTHER;
    }

    @Override
    public void close() {
        for (AutoCloseable b : binders) {
            try {
                b.close();
            } catch (Exception e) {
                log.debug("metrics binder close", e);
            }
        }
        registry.close();
    }
}
