package kz.shlyuz.gateway.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * A {@link Journal} whose {@link #append} commits in groups: entries of concurrent calls are
 * written by one writer thread as one batch in one transaction, then made durable once for the
 * whole group, and only then does each caller's {@code append} return. A call therefore still
 * answers only after its entry is durably committed, as with {@link JdbcJournal}; what is shared
 * is the commit (and, on the embedded H2 store, the flush to disk), not the guarantee.
 *
 * <p>On an embedded H2 file the group ends with {@code CHECKPOINT SYNC}: H2 would otherwise keep
 * a commit in memory for up to its write delay, so this makes the entry (and the claim and answer
 * committed before it in the same call) survive a crash of the process or the machine. On a
 * server database (PostgreSQL) the transaction commit itself is the durable point.
 *
 * <p>Claims, completions and reads go straight to the wrapped {@link JdbcJournal}: they answer a
 * question the caller is waiting for. A failed batch fails every caller in it with the cause; a
 * caller that cannot be served within {@code timeout} (queue full, database stuck) gets a
 * {@link JournalException}.
 */
public final class GroupCommitJournal implements Journal {
    /** Most entries in one transaction: a bound on one commit's size and on what one failure affects. */
    static final int MAX_BATCH = 512;
    private static final int QUEUE_CAPACITY = 8192;

    private final JdbcJournal delegate;
    private final DataSource dataSource;
    private final boolean syncEmbeddedStore;
    private final Duration timeout;
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final Thread writer;
    private volatile boolean closing;

    private record Pending(JournalEntry entry, CompletableFuture<Void> committed) {}

    /**
     * @param delegate the journal for everything but appends; closed with this one
     * @param dataSource the same database the delegate writes to
     * @param jdbcUrl decides whether groups end with an H2 disk sync
     * @param timeout how long an append may wait for its group's commit
     */
    public GroupCommitJournal(JdbcJournal delegate, DataSource dataSource, String jdbcUrl, Duration timeout) {
        this.delegate = delegate;
        this.dataSource = dataSource;
        // An embedded H2 store (file:, or a bare path); not in-memory, not a remote H2 server.
        this.syncEmbeddedStore = jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:h2:mem:")
                && !jdbcUrl.startsWith("jdbc:h2:tcp:") && !jdbcUrl.startsWith("jdbc:h2:ssl:");
        this.timeout = timeout;
        this.writer = new Thread(this::writeGroups, "journal-group-commit");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    @Override
    public void append(JournalEntry entry) {
        if (closing) {
            throw new JournalException("append: the journal is closing", null);
        }
        Pending pending = new Pending(entry, new CompletableFuture<>());
        try {
            if (!queue.offer(pending, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new JournalException("append: " + QUEUE_CAPACITY + " entries already wait for the journal", null);
            }
            pending.committed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JournalException("append interrupted before the entry was known to be committed", e);
        } catch (TimeoutException e) {
            throw new JournalException("append: not committed within " + timeout, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof JournalException j ? j : new JournalException("append", e.getCause());
        }
    }

    private void writeGroups() {
        List<Pending> group = new ArrayList<>(MAX_BATCH);
        while (true) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (closing && queue.isEmpty()) {
                        return;
                    }
                    continue;
                }
                group.add(first);
                queue.drainTo(group, MAX_BATCH - 1);
                commit(group);
            } catch (InterruptedException e) {
                // close() interrupts only after the queue has been drained; whatever is left fails below.
                failAll(new JournalException("journal closed", e));
                return;
            } finally {
                group.clear();
            }
        }
    }

    private void commit(List<Pending> group) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement(JdbcJournal.INSERT_ENTRY)) {
                for (Pending p : group) {
                    JdbcJournal.bindEntry(insert, p.entry());
                    insert.addBatch();
                }
                insert.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            if (syncEmbeddedStore) {
                try (Statement sync = c.createStatement()) {
                    sync.execute("CHECKPOINT SYNC");
                }
            }
            group.forEach(p -> p.committed().complete(null));
        } catch (SQLException | RuntimeException e) {
            JournalException failure = new JournalException("append (group of " + group.size() + ")", e);
            group.forEach(p -> p.committed().completeExceptionally(failure));
        }
    }

    private void failAll(JournalException failure) {
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(p -> p.committed().completeExceptionally(failure));
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
    public void release(String sender, String messageId) {
        delegate.release(sender, messageId);
    }

    @Override
    public List<JournalEntry> entries(String sender, String messageId) {
        return delegate.entries(sender, messageId);
    }

    @Override
    public List<JournalEntry> recent(int limit) {
        return delegate.recent(limit);
    }

    /** Commits what is queued, stops the writer, then closes the wrapped journal. */
    @Override
    public void close() {
        closing = true;
        try {
            writer.join(timeout.toMillis() + 1000);
            if (writer.isAlive()) {
                writer.interrupt();
                writer.join(1000);
            }
        } catch (InterruptedException e) {
            writer.interrupt();
            Thread.currentThread().interrupt();
        } finally {
            failAll(new JournalException("journal closed before the entry was written", null));
            delegate.close();
        }
    }
}
