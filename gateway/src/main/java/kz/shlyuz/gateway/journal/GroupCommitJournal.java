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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import kz.shlyuz.gateway.batching.Gathering;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Journal} that commits in groups: the answers and entries of concurrent calls are written
 * by one writer thread in one transaction, and only then does each caller's {@code complete} or
 * {@code append} return. Every answer is therefore durable before its caller sees it, as with
 * {@link JdbcJournal}; what is shared is the commit (on the embedded H2 store, the write of a
 * chunk) and the flush to disk.
 *
 * <p>Claims are this node's own: a message being processed is held in memory, and a claim reads
 * the database only for an answer already recorded (replay or conflict) or a durable claim row.
 * Nothing is written until the answer: a claim costs no commit, and a claim lost in a crash belongs
 * to a call that was never answered, whose retry is processed afresh (the agency sees the same
 * request id and repeats no effect). Two nodes sharing a database may therefore both process the
 * same message at the same moment; the first answer recorded is the one every later retry gets.
 *
 * <p>On an embedded H2 file every group ends with {@code CHECKPOINT SYNC}: H2 would otherwise keep
 * a commit in memory for up to its write delay, so this makes the recorded answer and the entry
 * survive a crash of the process or the machine. On a server database (PostgreSQL) the transaction
 * commit itself is the durable point. If a group's transaction fails, its operations are retried
 * one by one, so one bad operation fails only its own caller. Reads go straight to the wrapped
 * journal. A caller that cannot be served within {@code timeout} (queue full, database stuck) gets
 * a {@link JournalException}.
 */
public final class GroupCommitJournal implements Journal {
    private static final Logger log = LoggerFactory.getLogger(GroupCommitJournal.class);
    /** Most operations in one transaction: a bound on one commit's size and on what one failure affects. */
    static final int MAX_BATCH = 512;
    private static final int QUEUE_CAPACITY = 8192;
    /** A group smaller than 32 gathers more for up to 1 ms, while operations come within 0.3 ms. */
    private static final Gathering GATHERING = new Gathering(32, MAX_BATCH, 1_000_000, 300_000);
    private final JdbcJournal delegate;
    private final DataSource dataSource;
    private final boolean syncEmbeddedStore;
    private final Duration timeout;
    private final BlockingQueue<Op<?>> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final Thread writer;
    private final ConcurrentHashMap<MessageKey, InFlight> inFlight = new ConcurrentHashMap<>();
    private volatile boolean closing;

    private record MessageKey(String sender, String messageId) {}

    /**
     * A message this node is processing.
     *
     * @param claimRow whether the database holds an in-progress row for it (a stale claim taken over)
     */
    private record InFlight(String contentSha256, String serviceId, boolean claimRow) {}

    /** One caller's operation and the future it waits on. */
    private sealed interface Op<T> {
        CompletableFuture<T> done();
    }

    private record CompleteOp(MessageKey key, InFlight claim, byte[] response, Instant now,
            CompletableFuture<Void> done) implements Op<Void> {}

    private record AppendOp(JournalEntry entry, CompletableFuture<Void> done) implements Op<Void> {}

    /** Fault injection: the writer thread throws this error when it takes the op (tests of fail-fast). */
    private record FaultOp(Error error, CompletableFuture<Void> done) implements Op<Void> {}

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
        MessageKey key = new MessageKey(sender, messageId);
        InFlight mine = new InFlight(contentSha256, serviceId, false);
        InFlight running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return running.contentSha256().equals(contentSha256) ? new Claim.InProgress() : new Claim.Conflict();
        }
        try {
            Claim recorded = delegate.recorded(sender, messageId, contentSha256, now);
            if (recorded == null) {
                return new Claim.Claimed();
            }
            if (recorded instanceof Claim.Claimed) {
                inFlight.replace(key, mine, new InFlight(contentSha256, serviceId, true));
                return recorded;
            }
            inFlight.remove(key, mine);
            return recorded;
        } catch (RuntimeException e) {
            inFlight.remove(key, mine);
            throw e;
        }
    }

    @Override
    public void complete(String sender, String messageId, byte[] response, Instant now) {
        submit("complete", completion(sender, messageId, response, now));
    }

    private CompleteOp completion(String sender, String messageId, byte[] response, Instant now) {
        MessageKey key = new MessageKey(sender, messageId);
        InFlight claim = inFlight.get(key);
        if (claim == null) {
            throw new JournalException("complete: no claim in progress for the message", null);
        }
        return new CompleteOp(key, claim, response, now, new CompletableFuture<>());
    }

    /** Queues the answer and the entry together, so that they usually share one group's commit. */
    @Override
    public void complete(String sender, String messageId, byte[] response, Instant now, JournalEntry entry) {
        CompleteOp completion = completion(sender, messageId, response, now);
        AppendOp append = new AppendOp(entry, new CompletableFuture<>());
        enqueue("complete", completion);
        enqueue("append", append);
        await("complete", completion);
        await("append", append);
    }

    /**
     * Fault injection for tests of fail-fast (issue 9): the group-commit thread dies of
     * {@code error} as a heap exhaustion would kill it. Never called in production code.
     */
    public void injectWriterFault(Error error) {
        enqueue("fault", new FaultOp(error, new CompletableFuture<>()));
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
                if (first instanceof FaultOp fault) {
                    throw fault.error();
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
     * arrives within 0.3 ms, and after 1 ms in all.
     */
    private void gatherMore(List<Op<?>> group) throws InterruptedException {
        GATHERING.gather(queue, group);
    }

    private void commit(List<Op<?>> group) {
        List<CompleteOp> completions = new ArrayList<>();
        List<AppendOp> appends = new ArrayList<>();
        for (Op<?> op : group) {
            if (op instanceof CompleteOp completion) {
                completions.add(completion);
            } else if (op instanceof AppendOp append) {
                appends.add(append);
            }
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                recordAnswers(c, completions);
                insertEntries(c, appends);
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
        } catch (SQLException | RuntimeException e) {
            oneByOne(group, e);
            return;
        }
        for (CompleteOp op : completions) {
            inFlight.remove(op.key(), op.claim());
            op.done().complete(null);
        }
        appends.forEach(op -> op.done().complete(null));
    }

    /**
     * Completes the durable claim rows (stale claims taken over), and inserts a completed row for
     * every other answer. An answer another node recorded first is not overwritten.
     */
    private static void recordAnswers(Connection c, List<CompleteOp> completions) throws SQLException {
        List<CompleteOp> inserts = new ArrayList<>();
        List<CompleteOp> updates = completions.stream().filter(op -> op.claim().claimRow()).toList();
        if (!updates.isEmpty()) {
            try (PreparedStatement update = c.prepareStatement(JdbcJournal.COMPLETE_IN_PROGRESS)) {
                for (CompleteOp op : updates) {
                    JdbcJournal.bindCompletion(update, op.key().sender(), op.key().messageId(), op.response(),
                            op.now());
                    update.addBatch();
                }
                int[] counts = update.executeBatch();
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] != 1) {
                        inserts.add(updates.get(i));
                    }
                }
            }
        }
        completions.stream().filter(op -> !op.claim().claimRow()).forEach(inserts::add);
        if (inserts.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement(JdbcJournal.INSERT_COMPLETED_IF_ABSENT)) {
            for (CompleteOp op : inserts) {
                JdbcJournal.bindCompleted(insert, op.key().sender(), op.key().messageId(),
                        op.claim().contentSha256(), op.claim().serviceId(), op.response(), op.now());
                insert.addBatch();
            }
            int[] counts = insert.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] != 1) {
                    log.warn("message {} from {} was answered by another call first; its recorded answer stands",
                            inserts.get(i).key().messageId(), inserts.get(i).key().sender());
                }
            }
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
                if (op instanceof CompleteOp c) {
                    delegate.record(c.key().sender(), c.key().messageId(), c.claim().contentSha256(),
                            c.claim().serviceId(), c.response(), c.now());
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
        for (Op<Void> op : written) {
            if (op instanceof CompleteOp c) {
                inFlight.remove(c.key(), c.claim());
            }
            op.done().complete(null);
        }
    }

    private void failAll(JournalException failure) {
        List<Op<?>> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(op -> op.done().completeExceptionally(failure));
    }

    @Override
    public void release(String sender, String messageId) {
        InFlight released = inFlight.remove(new MessageKey(sender, messageId));
        if (released != null && released.claimRow()) {
            delegate.release(sender, messageId);
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
