package kz.shlyuz.gateway.console.data;

import java.time.Instant;
import java.util.List;
import kz.shlyuz.gateway.journal.Claim;
import kz.shlyuz.gateway.journal.Journal;
import kz.shlyuz.gateway.journal.JournalEntry;

/** Passes every call's journal entry to the {@link TrafficRing} too; otherwise the journal it wraps. */
public final class TrafficJournal implements Journal {
    private final Journal delegate;
    private final TrafficRing ring;

    public TrafficJournal(Journal delegate, TrafficRing ring) {
        this.delegate = delegate;
        this.ring = ring;
    }

    private void count(JournalEntry e) {
        ring.record(e.serviceId(), e.outcome() == JournalEntry.Outcome.REFUSED ? e.reason() : null, e.totalMicros());
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
        delegate.complete(sender, messageId, response, now, entry);
        count(entry);
    }

    @Override
    public void release(String sender, String messageId) {
        delegate.release(sender, messageId);
    }

    @Override
    public void append(JournalEntry entry) {
        delegate.append(entry);
        count(entry);
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
