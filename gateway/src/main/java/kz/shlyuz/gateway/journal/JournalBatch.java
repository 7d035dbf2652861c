package kz.shlyuz.gateway.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import kz.shlyuz.gateway.batching.GroupCommitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The group commit of {@link GroupCommitJournal}: one group's answers and entries in one
 * transaction, then (on an embedded H2 file) {@code CHECKPOINT SYNC}, and only then each caller's
 * future. If the transaction fails, the operations run again one by one, so that one bad
 * operation fails only its own caller.
 */
final class JournalBatch implements GroupCommitter.Action<JournalOp, Void> {
    private static final Logger log = LoggerFactory.getLogger(JournalBatch.class);
    private final JdbcJournal delegate;
    private final DataSource dataSource;
    private final boolean syncEmbeddedStore;
    private final Consumer<JournalOp.Complete> recorded;

    /**
     * @param delegate writes the operations retried one by one
     * @param syncEmbeddedStore whether each group ends with an H2 disk sync
     * @param recorded told of every answer once it is durable (the claim it answers is over)
     */
    JournalBatch(
            JdbcJournal delegate,
            DataSource dataSource,
            boolean syncEmbeddedStore,
            Consumer<JournalOp.Complete> recorded) {
        this.delegate = delegate;
        this.dataSource = dataSource;
        this.syncEmbeddedStore = syncEmbeddedStore;
        this.recorded = recorded;
    }

    @Override
    public void run(List<GroupCommitter.Item<JournalOp, Void>> group) {
        List<GroupCommitter.Item<JournalOp, Void>> completions = new ArrayList<>();
        List<GroupCommitter.Item<JournalOp, Void>> appends = new ArrayList<>();
        for (GroupCommitter.Item<JournalOp, Void> item : group) {
            if (item.value() instanceof JournalOp.Fault fault) {
                throw fault.error();
            }
            (item.value() instanceof JournalOp.Complete ? completions : appends).add(item);
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
        for (GroupCommitter.Item<JournalOp, Void> item : completions) {
            recorded.accept((JournalOp.Complete) item.value());
            item.done().complete(null);
        }
        appends.forEach(item -> item.done().complete(null));
    }

    /**
     * Completes the durable claim rows (stale claims taken over), and inserts a completed row for
     * every other answer. An answer another node recorded first is not overwritten.
     */
    private static void recordAnswers(Connection c, List<GroupCommitter.Item<JournalOp, Void>> items)
            throws SQLException {
        List<JournalOp.Complete> completions =
                items.stream().map(i -> (JournalOp.Complete) i.value()).toList();
        List<JournalOp.Complete> inserts = new ArrayList<>();
        List<JournalOp.Complete> updates =
                completions.stream().filter(op -> op.claim().claimRow()).toList();
        if (!updates.isEmpty()) {
            try (PreparedStatement update = c.prepareStatement(JournalStatements.COMPLETE_IN_PROGRESS)) {
                for (JournalOp.Complete op : updates) {
                    JournalStatements.bindCompletion(
                            update,
                            op.key().sender(),
                            op.key().messageId(),
                            op.response().toByteArray(),
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
        try (PreparedStatement insert = c.prepareStatement(JournalStatements.INSERT_COMPLETED_IF_ABSENT)) {
            for (JournalOp.Complete op : inserts) {
                JournalStatements.bindCompleted(
                        insert,
                        op.key().sender(),
                        op.key().messageId(),
                        op.claim().contentSha256(),
                        op.claim().serviceId(),
                        op.response().toByteArray(),
                        op.now());
                insert.addBatch();
            }
            int[] counts = insert.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] != 1) {
                    log.warn(
                            "message {} from {} was answered by another call first; its recorded answer stands",
                            inserts.get(i).key().messageId(),
                            inserts.get(i).key().sender());
                }
            }
        }
    }

    private static void insertEntries(Connection c, List<GroupCommitter.Item<JournalOp, Void>> appends)
            throws SQLException {
        if (appends.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement(JournalStatements.INSERT_ENTRY)) {
            for (GroupCommitter.Item<JournalOp, Void> item : appends) {
                JournalStatements.bindEntry(insert, ((JournalOp.Append) item.value()).entry());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * The group's transaction failed: each operation on its own, so one bad one fails only its
     * caller. Answers and entries are released to their callers only after the disk sync.
     */
    private void oneByOne(List<GroupCommitter.Item<JournalOp, Void>> group, Exception groupFailure) {
        List<GroupCommitter.Item<JournalOp, Void>> written = new ArrayList<>();
        for (GroupCommitter.Item<JournalOp, Void> item : group) {
            try {
                if (item.value() instanceof JournalOp.Complete c) {
                    delegate.record(
                            c.key().sender(),
                            c.key().messageId(),
                            c.claim().contentSha256(),
                            c.claim().serviceId(),
                            c.response().toByteArray(),
                            c.now());
                } else if (item.value() instanceof JournalOp.Append a) {
                    delegate.append(a.entry());
                }
                written.add(item);
            } catch (RuntimeException e) {
                JournalException failure = e instanceof JournalException j ? j : new JournalException("journal", e);
                failure.addSuppressed(groupFailure);
                item.done().completeExceptionally(failure);
            }
        }
        if (!written.isEmpty() && syncEmbeddedStore) {
            try (Connection c = dataSource.getConnection();
                    Statement sync = c.createStatement()) {
                sync.execute("CHECKPOINT SYNC");
            } catch (SQLException e) {
                JournalException failure = new JournalException("disk sync after a failed group", e);
                written.forEach(item -> item.done().completeExceptionally(failure));
                return;
            }
        }
        for (GroupCommitter.Item<JournalOp, Void> item : written) {
            if (item.value() instanceof JournalOp.Complete c) {
                recorded.accept(c);
            }
            item.done().complete(null);
        }
    }
}
