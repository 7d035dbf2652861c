package kz.shlyuz.gateway.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
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
 * A {@link Journal} that commits in groups: the claims, completions and entries of concurrent
 * calls are written by one writer thread in one transaction, and only then does each caller's
 * {@code claim}, {@code complete} or {@code append} return. Every call still returns only after
 * its row is committed, as with {@link JdbcJournal}; what is shared is the commit (on the embedded
 * H2 store, the write of a chunk) and, for answers and entries, the flush to disk.
 *
 * <p>On an embedded H2 file a group holding completions or entries ends with {@code CHECKPOINT
 * SYNC}: H2 would otherwise keep a commit in memory for up to its write delay, so this makes the
 * recorded answer and the entry survive a crash of the process or the machine. A group of claims
 * only is not synced: a claim lost in a crash belongs to a call that was never answered, and its
 * retry is processed afresh (the agency sees the same request id and repeats no effect). On a
 * server database (PostgreSQL) the transaction commit itself is the durable point.
 *
 * <p>A claim whose (sender, message id) already has a row is resolved after the commit the way
 * {@link JdbcJournal#claim} resolves it (recorded answer, conflict, in progress, stale take-over).
 * If a group's transaction fails, its operations are retried one by one, so one bad operation
 * fails only its own caller. Releases and reads go straight to the wrapped journal. A caller that
 * cannot be served within {@code timeout} (queue full, database stuck) gets a {@link JournalException}.
 */
public final class GroupCommitJournal implements Journal {
    /** Most operations in one transaction: a bound on one commit's size and on what one failure affects. */
    static final int MAX_BATCH = 512;
    private static final int QUEUE_CAPACITY = 8192;
    /** A group smaller than this gathers more for up to {@link #GATHER_NANOS}. */
    private static final int GATHER_UNTIL = 32;
    private static final long GATHER_NANOS = 1_000_000;
    private static final long GATHER_GAP_NANOS = 300_000;
    /** Inserts a claim unless the message already has one; 0 rows means "look at the existing row". */
    private static final String INSERT_CLAIM_IF_ABSENT = "INSERT INTO message_claim "
            + "(sender, message_id, content_sha256, service_id, state, claimed_at) "
            + "SELECT CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(64)), "
            + "'IN_PROGRESS', CAST(? AS TIMESTAMP WITH TIME ZONE) WHERE NOT EXISTS "
            + "(SELECT 1 FROM message_claim WHERE sender = ? AND message_id = ?)";
    private static final String COMPLETE_CLAIM = "UPDATE message_claim SET state = 'COMPLETED', response = ?, "
            + "completed_at = ? WHERE sender = ? AND message_id = ? AND state = 'IN_PROGRESS'";

    private final JdbcJournal delegate;
    private final DataSource dataSource;
    private final boolean syncEmbeddedStore;
    private final Duration timeout;
    private final BlockingQueue<Op<?>> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final Thread writer;
    private volatile boolean closing;

    /** One caller's operation and the future it waits on. */
    private sealed interface Op<T> {
        CompletableFuture<T> done();
    }

    private record ClaimOp(String sender, String messageId, String contentSha256, String serviceId, Instant now,
            CompletableFuture<Claim> done) implements Op<Claim> {}

    private record CompleteOp(String sender, String messageId, byte[] response, Instant now,
            CompletableFuture<Void> done) implements Op<Void> {}

    private record AppendOp(JournalEntry entry, CompletableFuture<Void> done) implements Op<Void> {}

    /**
     * @param delegate the journal for releases and reads, and for operations retried one by one;
     *     closed with this one
     * @param dataSource the same database the delegate writes to
     * @param jdbcUrl decides whether groups end with an H2 disk sync
     * @param timeout how long an operation may wait for its group's commit
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
    public Claim claim(String sender, String messageId, String contentSha256, String serviceId, Instant now) {
        return submit("claim", new ClaimOp(sender, messageId, contentSha256, serviceId, now, new CompletableFuture<>()));
    }

    @Override
    public void complete(String sender, String messageId, byte[] response, Instant now) {
        submit("complete", new CompleteOp(sender, messageId, response, now, new CompletableFuture<>()));
    }

    /** Queues the answer and the entry together, so that they usually share one group's commit. */
    @Override
    public void complete(String sender, String messageId, byte[] response, Instant now, JournalEntry entry) {
        CompleteOp completion = new CompleteOp(sender, messageId, response, now, new CompletableFuture<>());
        AppendOp append = new AppendOp(entry, new CompletableFuture<>());
        enqueue("complete", completion);
        enqueue("append", append);
        await("complete", completion);
        await("append", append);
    }

    @Override
    public void append(JournalEntry entry) {
        AppendOp op = new AppendOp(entry, new CompletableFuture<>());
        enqueue("append", op);
        await("append", op);
    }

    private <T> T submit(String what, Op<T> op) {
        enqueue(what, op);
        return await(what, op);
    }

    private void enqueue(String what, Op<?> op) {
        if (closing) {
            throw new JournalException(what + ": the journal is closing", null);
        }
        try {
            if (!queue.offer(op, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new JournalException(what + ": " + QUEUE_CAPACITY + " operations already wait for the journal",
                        null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JournalException(what + " interrupted before it was queued", e);
        }
    }

    private <T> T await(String what, Op<T> op) {
        try {
            return op.done().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JournalException(what + " interrupted before it was known to be committed", e);
        } catch (TimeoutException e) {
            throw new JournalException(what + ": not committed within " + timeout, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof JournalException j ? j : new JournalException(what, e.getCause());
        }
    }

    private void writeGroups() {
        List<Op<?>> group = new ArrayList<>(MAX_BATCH);
        while (true) {
            try {
                Op<?> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (closing && queue.isEmpty()) {
                        return;
                    }
                    continue;
                }
                group.add(first);
                queue.drainTo(group, MAX_BATCH - 1);
                gatherMore(group);
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

    /**
     * A small group waits a moment while more operations keep arriving (as PostgreSQL's
     * {@code commit_delay}): each commit of the embedded store writes a chunk with its own page and
     * layout bookkeeping, about as costly for three operations as for thirty. It stops when nothing
     * arrives within {@link #GATHER_GAP_NANOS}, and after {@link #GATHER_NANOS} in all.
     */
    private void gatherMore(List<Op<?>> group) throws InterruptedException {
        long until = System.nanoTime() + GATHER_NANOS;
        while (group.size() < GATHER_UNTIL) {
            long left = Math.min(GATHER_GAP_NANOS, until - System.nanoTime());
            Op<?> more = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
            if (more == null) {
                return;
            }
            group.add(more);
            queue.drainTo(group, MAX_BATCH - group.size());
        }
    }

    private void commit(List<Op<?>> group) {
        List<ClaimOp> claims = new ArrayList<>();
        List<CompleteOp> completions = new ArrayList<>();
        List<AppendOp> appends = new ArrayList<>();
        for (Op<?> op : group) {
            if (op instanceof ClaimOp claim) {
                claims.add(claim);
            } else if (op instanceof CompleteOp completion) {
                completions.add(completion);
            } else if (op instanceof AppendOp append) {
                appends.add(append);
            }
        }
        int[] claimed;
        int[] completed;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                claimed = insertClaims(c, claims);
                completed = completeClaims(c, completions);
                insertEntries(c, appends);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            if (syncEmbeddedStore && (!completions.isEmpty() || !appends.isEmpty())) {
                try (Statement sync = c.createStatement()) {
                    sync.execute("CHECKPOINT SYNC");
                }
            }
        } catch (SQLException | RuntimeException e) {
            oneByOne(group, e);
            return;
        }
        for (int i = 0; i < claims.size(); i++) {
            ClaimOp op = claims.get(i);
            if (claimed[i] == 1) {
                op.done().complete(new Claim.Claimed());
            } else {
                // The message has a row: the plain journal tells what it means for this caller.
                settle(op, () -> delegate.claim(op.sender(), op.messageId(), op.contentSha256(), op.serviceId(),
                        op.now()));
            }
        }
        for (int i = 0; i < completions.size(); i++) {
            CompleteOp op = completions.get(i);
            if (completed[i] == 1) {
                op.done().complete(null);
            } else {
                op.done().completeExceptionally(new JournalException("complete: no claim in progress for the message",
                        null));
            }
        }
        appends.forEach(op -> op.done().complete(null));
    }

    private static int[] insertClaims(Connection c, List<ClaimOp> claims) throws SQLException {
        if (claims.isEmpty()) {
            return new int[0];
        }
        try (PreparedStatement insert = c.prepareStatement(INSERT_CLAIM_IF_ABSENT)) {
            for (ClaimOp op : claims) {
                insert.setString(1, op.sender());
                insert.setString(2, op.messageId());
                insert.setString(3, op.contentSha256());
                insert.setString(4, op.serviceId());
                insert.setTimestamp(5, Timestamp.from(op.now()));
                insert.setString(6, op.sender());
                insert.setString(7, op.messageId());
                insert.addBatch();
            }
            return insert.executeBatch();
        }
    }

    private static int[] completeClaims(Connection c, List<CompleteOp> completions) throws SQLException {
        if (completions.isEmpty()) {
            return new int[0];
        }
        try (PreparedStatement update = c.prepareStatement(COMPLETE_CLAIM)) {
            for (CompleteOp op : completions) {
                update.setBytes(1, op.response());
                update.setTimestamp(2, Timestamp.from(op.now()));
                update.setString(3, op.sender());
                update.setString(4, op.messageId());
                update.addBatch();
            }
            return update.executeBatch();
        }
    }

    private static void insertEntries(Connection c, List<AppendOp> appends) throws SQLException {
        if (appends.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement(JdbcJournal.INSERT_ENTRY)) {
            for (AppendOp op : appends) {
                JdbcJournal.bindEntry(insert, op.entry());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * The group's transaction failed: each operation on its own, so one bad one fails only its
     * caller. Answers and entries are released to their callers only after the disk sync.
     */
    private void oneByOne(List<Op<?>> group, Exception groupFailure) {
        List<Op<Void>> written = new ArrayList<>();
        for (Op<?> op : group) {
            try {
                if (op instanceof ClaimOp c) {
                    c.done().complete(delegate.claim(c.sender(), c.messageId(), c.contentSha256(), c.serviceId(),
                            c.now()));
                } else if (op instanceof CompleteOp c) {
                    delegate.complete(c.sender(), c.messageId(), c.response(), c.now());
                    written.add(c);
                } else if (op instanceof AppendOp a) {
                    delegate.append(a.entry());
                    written.add(a);
                }
            } catch (RuntimeException e) {
                JournalException failure = e instanceof JournalException j ? j : new JournalException("journal", e);
                failure.addSuppressed(groupFailure);
                op.done().completeExceptionally(failure);
            }
        }
        if (!written.isEmpty() && syncEmbeddedStore) {
            try (Connection c = dataSource.getConnection(); Statement sync = c.createStatement()) {
                sync.execute("CHECKPOINT SYNC");
            } catch (SQLException e) {
                JournalException failure = new JournalException("disk sync after a failed group", e);
                written.forEach(op -> op.done().completeExceptionally(failure));
                return;
            }
        }
        written.forEach(op -> op.done().complete(null));
    }

    /** Runs a claim's resolution and settles its future with the answer or the failure. */
    private static void settle(ClaimOp op, java.util.function.Supplier<Claim> work) {
        try {
            op.done().complete(work.get());
        } catch (RuntimeException e) {
            op.done().completeExceptionally(e instanceof JournalException ? e : new JournalException("claim", e));
        }
    }

    private void failAll(JournalException failure) {
        List<Op<?>> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(op -> op.done().completeExceptionally(failure));
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
