package kz.shlyuz.gateway.process;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;
import kz.shlyuz.gateway.journal.JournalException;

/** Small JDBC helpers the engine's transactions share; portable between H2 and PostgreSQL. */
final class Sql {
    private Sql() {}

    /** Binds positional parameters; Instants become timestamps, nulls typeless. */
    static void bind(PreparedStatement s, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof Instant instant) {
                s.setTimestamp(i + 1, Timestamp.from(instant));
            } else if (p == null) {
                s.setNull(i + 1, java.sql.Types.OTHER);
            } else {
                s.setObject(i + 1, p);
            }
        }
    }

    static String clip(String s) {
        return s == null || s.length() <= 4000 ? s : s.substring(0, 3999) + "…";
    }

    /** Work done inside one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Tx tx) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction: its status messages are numbered and written, then it is
     * committed when {@code work} returns; rolled back when anything throws.
     */
    static <T> T transaction(DataSource db, Work<T> work) {
        return transaction(db, FeedSignal.NONE, work);
    }

    /** As {@link #transaction(DataSource, Work)}, telling {@code signal} of the status messages it committed. */
    static <T> T transaction(DataSource db, FeedSignal signal, Work<T> work) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            Tx tx = new Tx(c, signal);
            try {
                T result = work.run(tx);
                tx.flushFeed();
                c.commit();
                long written = tx.feed.takeWritten();
                if (written > 0) {
                    signal.committed(written);
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                tx.close();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new JournalException("process transaction", e);
        }
    }
}
