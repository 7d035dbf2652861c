package kz.shlyuz.gateway.process;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import kz.shlyuz.gateway.batching.Gathering;
import javax.sql.DataSource;
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
 */
final class CaseWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CaseWriter.class);
    /** Most pieces of work in one transaction: a bound on one commit's size and on a retried group. */
    static final int MAX_GROUP = 128;
    private static final int QUEUE_CAPACITY = 8192;
    /** A group smaller than 16 waits a little for more work (see {@link #linger}): 2 ms in all, 0.5 ms gap. */
    private static final Gathering LINGER = new Gathering(16, MAX_GROUP, 2_000_000, 500_000);

    private final DataSource db;
    private final BlockingQueue<Job<?>> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final Thread thread;
    private volatile boolean closing;
    /** Used by the writer thread only. */
    private Connection connection;
    private Tx session;

    private record Job<T>(Sql.Work<T> work, CompletableFuture<T> done) {
        void runAlone(DataSource db) {
            try {
                done.complete(Sql.transaction(db, work));
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        }
    }

    CaseWriter(DataSource db) {
        this.db = db;
        this.thread = new Thread(this::writeGroups, "shlyuz-case-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * Queues {@code work}; the future completes with its result once the group it ran in has
     * committed, or with what it threw when it ran alone. Fails at once when the queue stays full
     * for {@code waitMillis} or the writer is closing.
     */
    <T> CompletableFuture<T> submit(Sql.Work<T> work, long waitMillis) {
        CompletableFuture<T> done = new CompletableFuture<>();
        if (closing) {
            done.completeExceptionally(new JournalException("the case writer is closing", null));
            return done;
        }
        try {
            if (!queue.offer(new Job<>(work, done), waitMillis, TimeUnit.MILLISECONDS)) {
                done.completeExceptionally(new JournalException(QUEUE_CAPACITY + " pieces of work already wait "
                        + "for the case store", null));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done.completeExceptionally(new JournalException("interrupted before the work was queued", e));
        }
        return done;
    }

    private void writeGroups() {
        List<Job<?>> group = new ArrayList<>(MAX_GROUP);
        while (true) {
            try {
                Job<?> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (closing && queue.isEmpty()) {
                        dropSession();
                        return;
                    }
                    continue;
                }
                group.add(first);
                queue.drainTo(group, MAX_GROUP - 1);
                linger(group);
                write(group);
            } catch (InterruptedException e) {
                dropSession();
                JournalException stopped = new JournalException("case writer stopped", e);
                group.forEach(j -> j.done().completeExceptionally(stopped));
                fail(stopped);
                return;
            } catch (RuntimeException e) {
                // write() completes every future itself; this is a fault of the writer and must be seen.
                log.error("case writer: group of {} failed", group.size(), e);
                group.forEach(j -> j.done().completeExceptionally(e));
            } finally {
                group.clear();
            }
        }
    }

    /**
     * A small group waits a moment for more work while more keeps arriving (as PostgreSQL's
     * {@code commit_delay}): a commit costs about the same for one case as for thirty (the embedded
     * store rewrites the same pages), so under load the wait saves commits. It stops as soon as
     * nothing arrives within half a millisecond, and after two milliseconds in all, so
     * a lone Submit waits a fraction of a millisecond.
     */
    private void linger(List<Job<?>> group) throws InterruptedException {
        LINGER.gather(queue, group);
    }

    private void write(List<Job<?>> group) {
        List<Object> results = new ArrayList<>(group.size());
        try {
            Tx tx = session();
            try {
                for (Job<?> job : group) {
                    results.add(job.work().run(tx));
                }
                tx.flushFeed();
                tx.c.commit();
            } catch (SQLException | RuntimeException e) {
                results = null;
                tx.feed.discard();
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
            group.forEach(job -> job.runAlone(db));
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            complete(group.get(i), results.get(i));
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
            session = new Tx(c);
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

    @SuppressWarnings("unchecked")
    private static <T> void complete(Job<T> job, Object result) {
        job.done().complete((T) result);
    }

    private void fail(JournalException failure) {
        List<Job<?>> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(j -> j.done().completeExceptionally(failure));
    }

    /** Writes what is queued, then stops. */
    @Override
    public void close() {
        closing = true;
        try {
            thread.join(30_000);
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(1000);
            }
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
        } finally {
            fail(new JournalException("the case writer closed before the work was written", null));
        }
    }
}
