package kz.shlyuz.gateway.ops.metrics;

import io.micrometer.core.instrument.Timer;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import kz.shlyuz.gateway.journal.Claim;
import kz.shlyuz.gateway.journal.Journal;
import kz.shlyuz.gateway.journal.JournalEntry;
import kz.shlyuz.gateway.ops.tracing.Stages;
import org.slf4j.MDC;

/**
 * The journal as the gateway uses it, observed: every entry it takes is counted (by service,
 * sender, outcome and reason), feeds the per-service health data, and the commit is timed as the
 * {@code journal} stage of the call. The refusal reason goes into the log context, so the call's
 * closing log line carries it.
 */
public final class MeteredJournal implements Journal {
    private final Journal delegate;
    private final GatewayMetrics metrics;
    private final ServiceHealthStats serviceHealth;
    private final Timer commit;
    private final List<Consumer<JournalEntry>> listeners = new CopyOnWriteArrayList<>();

    public MeteredJournal(Journal delegate, GatewayMetrics metrics, ServiceHealthStats serviceHealth) {
        this.delegate = delegate;
        this.metrics = metrics;
        this.serviceHealth = serviceHealth;
        this.commit = metrics.stage("journal");
    }

    /** Tells {@code listener} every entry counted from now on (the console's traffic, issue 14). */
    public void listen(Consumer<JournalEntry> listener) {
        listeners.add(listener);
    }

    /** The journal underneath (fault-injection tests reach its writer through this). */
    public Journal delegate() {
        return delegate;
    }

    @Override
    public Claim claim(String sender, String messageId, String contentSha256, String serviceId, Instant now) {
        return delegate.claim(sender, messageId, contentSha256, serviceId, now);
    }

    @Override
    public void complete(String sender, String messageId, byte[] response, Instant now) {
        delegate.complete(sender, messageId, response, now);
    }

    @Override
    public void complete(String sender, String messageId, byte[] response, Instant now, JournalEntry entry) {
        reasonInLog(entry);
        try {
            Stages.run("journal", commit, () -> delegate.complete(sender, messageId, response, now, entry));
        } finally {
            count(entry);
        }
    }

    @Override
    public void release(String sender, String messageId) {
        delegate.release(sender, messageId);
    }

    @Override
    public void append(JournalEntry entry) {
        reasonInLog(entry);
        try {
            Stages.run("journal", commit, () -> delegate.append(entry));
        } finally {
            count(entry);
        }
    }

    private static void reasonInLog(JournalEntry entry) {
        if (entry.reason() != null) {
            MDC.put("reason", entry.reason());
        }
    }

    private void count(JournalEntry entry) {
        metrics.record(entry);
        serviceHealth.record(metrics.service(entry.serviceId()), entry);
        for (Consumer<JournalEntry> listener : listeners) {
            listener.accept(entry);
        }
    }

    @Override
    public List<JournalEntry> entries(String sender, String messageId) {
        return delegate.entries(sender, messageId);
    }

    @Override
    public List<JournalEntry> recent(int limit) {
        return delegate.recent(limit);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
