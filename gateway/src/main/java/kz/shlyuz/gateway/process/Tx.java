package kz.shlyuz.gateway.process;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * One engine transaction on one connection. Its prepared statements are kept for the
 * transaction's life: a group of cases runs the same few statements many times, and an embedded
 * H2 parses the SQL text on every {@code prepareStatement}. Its status messages are collected in
 * {@link #feed} and written together just before the commit (see {@link CaseFeed}).
 */
final class Tx {
    final Connection c;
    final CaseFeed feed = new CaseFeed();
    /** Status-writing transactions send {@code pg_notify} before their commit (PostgreSQL). */
    final boolean notify;
    /** Told of the transaction's status messages before the commit ({@link FeedSignal#written}). */
    final FeedSignal signal;

    private final Map<String, PreparedStatement> statements = new HashMap<>();
    /** Inserts batched and not yet sent, by statement in the order first used (parents before children). */
    private final Map<String, PreparedStatement> deferred = new java.util.LinkedHashMap<>();
    /** Whether {@link #insert} batches (a group of many pieces) or runs at once. */
    private boolean deferInserts;

    Tx(Connection c) {
        this(c, false);
    }

    Tx(Connection c, boolean notify) {
        this(c, notify ? NOTIFYING : FeedSignal.NONE);
    }

    /** A transaction whose status messages {@code signal} is told of, in it and after its commit. */
    Tx(Connection c, FeedSignal signal) {
        this.c = c;
        this.notify = signal.notifiesInTransaction();
        this.signal = signal;
    }

    /** For {@link #Tx(Connection, boolean)} with {@code notify}: notifies, writes nothing more. */
    private static final FeedSignal NOTIFYING = new FeedSignal() {
        @Override
        public boolean notifiesInTransaction() {
            return true;
        }

        @Override
        public void committed(long lastSeq) {}
    };

    /**
     * The statement for {@code sql}, prepared once in this transaction; the caller must not close it.
     * The inserts batched so far are sent first, so whatever it reads or changes sees them.
     */
    PreparedStatement prepare(String sql) throws SQLException {
        flushInserts();
        return statement(sql);
    }

    private PreparedStatement statement(String sql) throws SQLException {
        PreparedStatement s = statements.get(sql);
        if (s == null) {
            s = c.prepareStatement(sql);
            statements.put(sql, s);
        }
        return s;
    }

    /** One statement with positional parameters (see {@link Sql#bind}); the update count. */
    int update(String sql, Object... params) throws SQLException {
        PreparedStatement s = prepare(sql);
        Sql.bind(s, params);
        return s.executeUpdate();
    }

    /**
     * Inserts a new row whose update count nobody reads. In a group of many pieces (see
     * {@link #deferInserts(boolean)}) it joins a JDBC batch, sent with the next other statement or
     * before the commit: one round trip for the group's rows of each table instead of one per row.
     * A failure (a unique key taken) then surfaces at that point and fails the group, whose pieces
     * run again alone, where the insert runs at once and its caller sees its own error.
     */
    void insert(String sql, Object... params) throws SQLException {
        if (!deferInserts) {
            update(sql, params);
            return;
        }
        PreparedStatement s = statement(sql);
        Sql.bind(s, params);
        s.addBatch();
        deferred.putIfAbsent(sql, s);
    }

    /** Whether {@link #insert} batches from now on; the writer of grouped work turns it on for a group of many. */
    void deferInserts(boolean on) {
        deferInserts = on;
    }

    /** Sends the batched inserts, each statement's rows together, in the order the statements were first used. */
    void flushInserts() throws SQLException {
        if (deferred.isEmpty()) {
            return;
        }
        try {
            for (PreparedStatement s : deferred.values()) {
                s.executeBatch();
            }
        } finally {
            discardInserts();
        }
    }

    /** Drops the batched inserts not yet sent (the transaction rolls back). */
    void discardInserts() {
        for (PreparedStatement s : deferred.values()) {
            try {
                s.clearBatch();
            } catch (SQLException ignored) {
                // The statement is closed with the transaction or the session anyway.
            }
        }
        deferred.clear();
    }

    /** Numbers and writes the status messages collected so far; called right before the commit. */
    void flushFeed() throws SQLException {
        flushInserts();
        feed.flush(this);
    }

    /** Closes the statements; the connection is the caller's. */
    void close() {
        for (PreparedStatement s : statements.values()) {
            try {
                s.close();
            } catch (SQLException ignored) {
                // Closing the connection releases it anyway.
            }
        }
        statements.clear();
    }
}
