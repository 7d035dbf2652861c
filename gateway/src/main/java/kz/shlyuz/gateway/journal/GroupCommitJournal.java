package kz.shlyuz.gateway.journal;

import com.google.protobuf.UnsafeByteOperations;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import kz.shlyuz.gateway.batching.Gathering;
import kz.shlyuz.gateway.batching.GroupCommitter;
import kz.shlyuz.gateway.journal.JournalOp.InFlight;
import kz.shlyuz.gateway.journal.JournalOp.MessageKey;

/**
 * A {@link Journal} that commits in groups: the answers and entries of concurrent calls are written
 * by one writer thread in one transaction, and only then does each caller's {@code complete} or
 * {@code append} return. Every answer is therefore durable before its caller sees it, as with
 * {@link JdbcJournal}; what is shared is the commit (on the embedded H2 store, the write of a
 * chunk) and the flush to disk.
 *
 * <p>Claims are this node's own: a message being processed is held in memory, and a claim reads
 * the database only for an answer already recorded (replay or conflict) or a durable claim row.
 * On an embedded H2 file (one node) nothing is written until the answer: a claim costs no commit,
 * and a claim lost in a crash belongs to a call that was never answered, whose retry is processed
 * afresh (the agency sees the same request id and repeats no effect). On a server database, which
 * several nodes may share (issue 15), a new claim is also an in-progress row inserted at once:
 * of two nodes claiming the same message at the same moment the database lets one insert win,
 * and the other compares content hashes (same content: in progress, or the recorded answer;
 * other content: a conflict, REPLAY_MISMATCH) instead of calling the agency with a reused id.
 *
 * <p>On an embedded H2 file every group ends with {@code CHECKPOINT SYNC}: H2 would otherwise keep
 * a commit in memory for up to its write delay, so this makes the recorded answer and the entry
 * survive a crash of the process or the machine. On a server database (PostgreSQL) the transaction
 * commit itself is the durable point. If a group's transaction fails, its operations are retried
 * one by one, so one bad operation fails only its own caller ({@link JournalBatch}). Reads go
 * straight to the wrapped journal. A caller waits for its commit at most its remaining gRPC
 * deadline and never longer than {@code timeout}; one that cannot be served within that (queue
 * full, database stuck) gets a {@link JournalException}. The writer is a {@link GroupCommitter}.
 */
public final class GroupCommitJournal implements Journal {
    /** Most operations in one transaction: a bound on one commit's size and on what one failure affects. */
    static final int MAX_BATCH = 512;

    private static final int QUEUE_CAPACITY = 8192;
    /**
     * A group smaller than 32 gathers more for up to 1 ms, while operations come within 0.3 ms (as
     * PostgreSQL's {@code commit_delay}): each commit of the embedded store writes a chunk with its
     * own page and layout bookkeeping, about as costly for three operations as for thirty.
     */
    private static final Gathering GATHERING = new Gathering(32, MAX_BATCH, 1_000_000, 300_000);

    private static final GroupCommitter.Failures FAILURES = new GroupCommitter.Failures() {
        @Override
        public RuntimeException of(String message, Throwable cause) {
            return new JournalException(message, cause);
        }

        @Override
        public RuntimeException failed(Throwable cause) {
            return cause instanceof JournalException j ? j : new JournalException("journal", cause);
        }
    };
    private final JdbcJournal delegate;
    private final GroupCommitter<JournalOp, Void> writer;
    private final ConcurrentHashMap<MessageKey, InFlight> inFlight = new ConcurrentHashMap<>();
    /** Claims are rows in the database, seen by every node sharing it (not an embedded H2 store). */
    private final boolean sharedClaims;

    /**
     * @param delegate the journal for releases and reads, and for operations retried one by one;
     *     closed with this one
     * @param dataSource the same database the delegate writes to
     * @param jdbcUrl decides whether groups end with an H2 disk sync
     * @param timeout the longest an operation waits for its group's commit (less when the caller's
     *     deadline is nearer)
     */
    public GroupCommitJournal(JdbcJournal delegate, DataSource dataSource, String jdbcUrl, Duration timeout) {
        this.delegate = delegate;
        // An embedded H2 store (file:, or a bare path); not in-memory, not a remote H2 server.
        boolean syncEmbeddedStore = jdbcUrl.startsWith("jdbc:h2:")
                && !jdbcUrl.startsWith("jdbc:h2:mem:")
                && !jdbcUrl.startsWith("jdbc:h2:tcp:")
                && !jdbcUrl.startsWith("jdbc:h2:ssl:");
        this.sharedClaims = !syncEmbeddedStore && !jdbcUrl.startsWith("jdbc:h2:mem:");
        this.writer = new GroupCommitter<>(
                new GroupCommitter.Settings(
                        "the journal",
                        "journal-group-commit",
                        QUEUE_CAPACITY,
                        GATHERING,
                        0,
                        timeout,
                        timeout.plusSeconds(1)),
                new JournalBatch(delegate, dataSource, syncEmbeddedStore, op -> inFlight.remove(op.key(), op.claim())),
                FAILURES,
                () -> {});
    }

    @Override
    public Claim claim(String sender, String messageId, String contentSha256, String serviceId, Instant now) {
        MessageKey key = new MessageKey(sender, messageId);
        InFlight mine = new InFlight(contentSha256, serviceId, false);
        InFlight running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return running.contentSha256().equals(contentSha256) ? new Claim.InProgress() : new Claim.Conflict();
        }
        if (sharedClaims) {
            return sharedClaim(key, mine, sender, messageId, contentSha256, serviceId, now);
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

    /** The claim as a row every node sees: the database's unique key decides between nodes. */
    private Claim sharedClaim(
            MessageKey key,
            InFlight mine,
            String sender,
            String messageId,
            String contentSha256,
            String serviceId,
            Instant now) {
        try {
            Claim claim = delegate.claim(sender, messageId, contentSha256, serviceId, now);
            if (claim instanceof Claim.Claimed) {
                inFlight.replace(key, mine, new InFlight(contentSha256, serviceId, true));
            } else {
                inFlight.remove(key, mine);
            }
            return claim;
        } catch (RuntimeException e) {
            inFlight.remove(key, mine);
            throw e;
        }
    }

    @Override
    public void complete(String sender, String messageId, byte[] response, Instant now) {
        writer.await(writer.submit(completion(sender, messageId, response, now)), "complete: not committed");
    }

    private JournalOp.Complete completion(String sender, String messageId, byte[] response, Instant now) {
        MessageKey key = new MessageKey(sender, messageId);
        InFlight claim = inFlight.get(key);
        if (claim == null) {
            throw new JournalException("complete: no claim in progress for the message", null);
        }
        // The caller hands the answer over and never changes it: wrapped, not copied.
        return new JournalOp.Complete(key, claim, UnsafeByteOperations.unsafeWrap(response), now);
    }

    /** Queues the answer and the entry together, so that they usually share one group's commit. */
    @Override
    public void complete(String sender, String messageId, byte[] response, Instant now, JournalEntry entry) {
        JournalOp.Complete completion = completion(sender, messageId, response, now);
        CompletableFuture<Void> completed = writer.submit(completion);
        CompletableFuture<Void> appended = writer.submit(new JournalOp.Append(entry));
        writer.await(completed, "complete: not committed");
        writer.await(appended, "append: not committed");
    }

    /**
     * Fault injection for tests of fail-fast: the group-commit thread dies of {@code error} as a
     * heap exhaustion would kill it. Never called in production code.
     */
    public void injectWriterFault(Error error) {
        var unused = writer.submit(new JournalOp.Fault(error)); // the writer thread dies of it
    }

    @Override
    public void append(JournalEntry entry) {
        writer.await(writer.submit(new JournalOp.Append(entry)), "append: not committed");
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
        try {
            writer.close();
        } finally {
            delegate.close();
        }
    }
}
