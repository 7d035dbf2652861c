package kz.shlyuz.gateway.process;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import kz.shlyuz.gateway.batching.Gathering;
import kz.shlyuz.gateway.batching.GroupCommitter;
import kz.shlyuz.gateway.journal.JournalException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits the engine's frequent work in groups: new cases and step results that arrive together
 * are written by one thread in one transaction with one commit (on the embedded H2 store one chunk
 * write instead of one per case, and the status feed's counter locked once), and each caller's
 * future completes only after that commit has returned, so nothing is acknowledged before it is
 * committed.
 *
 * <p>When anything in a group fails (a message id already claimed, a database error), the whole
 * group is rolled back and each piece of work runs again alone in its own transaction: one
 * duplicate does not fail the others, and each caller gets its own answer or its own error. Work
 * must therefore be safe to run again, also after a commit whose outcome was not learnt: a new
 * case is guarded by its message claim, a step result by the outbox row's state and lease.
 *
 * <p>The thread, its queue and its gathering are a {@link GroupCommitter}; this class is its
 * group action.
 */
final class CaseWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CaseWriter.class);
    /** Most pieces of work in one transaction: a bound on one commit's size and on a retried group. */
    static final int MAX_GROUP = 128;

    private static final int QUEUE_CAPACITY = 8192;
    /**
     * A small group waits a moment for more work while more keeps arriving (as PostgreSQL's
     * {@code commit_delay}): a commit costs about the same for one case as for thirty (the embedded
     * store rewrites the same pages), so under load the wait saves commits. A group smaller than 16
     * stops waiting as soon as nothing arrives within half a millisecond, and after two milliseconds
     * in all, so a lone Submit waits a fraction of a millisecond.
     */
    private static final Gathering LINGER = new Gathering(16, MAX_GROUP, 2_000_000, 500_000);
    /** The longest a piece of work waits for room in the queue when the caller gives no bound. */
    private static final Duration QUEUE_WAIT = Duration.ofSeconds(20);
    /** How long {@link #close} lets the thread write what is queued. */
    private static final Duration DRAIN = Duration.ofSeconds(30);

    private final DataSource db;
    private final FeedSignal signal;
    private final GroupCommitter<Sql.Work<?>, Object> writer;
    /** Used by the writer thread only. */
    private Connection connection;

    private Tx session;

    CaseWriter(DataSource db) {
        this(db, FeedSignal.NONE);
    }

    /** @param signal told of the status messages each group committed */
    CaseWriter(DataSource db, FeedSignal signal) {
        this.db = db;
        this.signal = signal;
        this.writer = new GroupCommitter<>(
                new GroupCommitter.Settings(
                        "the case writer", "shlyuz-case-writer", QUEUE_CAPACITY, LINGER, 0, QUEUE_WAIT, DRAIN),
                this::write,
                JournalException::new,
                this::dropSession);
    }

    /**
     * Queues {@code work}; the future completes with its result once the group it ran in has
     * committed, or with what it threw when it ran alone. Fails at once when the queue stays full
     * for {@code waitMillis} (or the caller's gRPC deadline, if nearer) or the writer is closing.
     */
    @SuppressWarnings("unchecked")
    <T> CompletableFuture<T> submit(Sql.Work<T> work, long waitMillis) {
        try {
            return (CompletableFuture<T>) (CompletableFuture<?>) writer.submit(work, Duration.ofMillis(waitMillis));
        } catch (JournalException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void write(List<GroupCommitter.Item<Sql.Work<?>, Object>> group) {
        List<Object> results = new ArrayList<>(group.size());
        try {
            Tx tx = session();
            // Many pieces: their new rows go in one batch per table; one piece alone sees its own errors at once.
            tx.deferInserts(group.size() > 1);
            try {
                for (GroupCommitter.Item<Sql.Work<?>, Object> job : group) {
                    results.add(job.value().run(tx));
                }
                tx.flushFeed();
                tx.c.commit();
                long written = tx.feed.takeWritten();
                if (written > 0) {
                    signal.committed(written);
                }
            } catch (SQLException | RuntimeException e) {
                results = null;
                tx.feed.discard();
                tx.discardInserts();
                try {
                    tx.c.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                    dropSession();
                }
                if (group.size() == 1 && e instanceof RuntimeException r) {
                    // It ran alone already: its own answer (a claim taken, a refusal).
                    group.get(0).done().completeExceptionally(r);
                    return;
                }
                log.debug("case group of {} rolled back, each runs alone: {}", group.size(), e.toString());
            }
        } catch (SQLException e) {
            log.warn("case group of {}: {}; each runs alone", group.size(), e.toString());
            dropSession();
            results = null;
        }
        if (results == null) {
            group.forEach(this::runAlone);
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            group.get(i).done().complete(results.get(i));
        }
    }

    private void runAlone(GroupCommitter.Item<Sql.Work<?>, Object> job) {
        try {
            job.done().complete(Sql.transaction(db, signal, job.value()));
        } catch (RuntimeException e) {
            job.done().completeExceptionally(e);
        }
    }

    /**
     * The writer's own connection, kept between groups with its prepared statements (an embedded
     * H2 parses SQL on every prepareStatement, and its per-session cache of 8 statements is smaller
     * than the set a group cycles through); opened again after a connection fault.
     */
    private Tx session() throws SQLException {
        if (connection == null) {
            Connection c = db.getConnection();
            try {
                c.setAutoCommit(false);
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            connection = c;
            session = new Tx(c, signal);
        }
        return session;
    }

    private void dropSession() {
        if (session != null) {
            session.close();
            session = null;
        }
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Already broken; the pool replaces it.
            }
            connection = null;
        }
    }

    /** Writes what is queued, then stops. */
    @Override
    public void close() {
        writer.close();
    }
}
