package kz.shlyuz.bench.scenario;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import kz.shlyuz.bench.env.ThrowawayPostgres;

/**
 * Cleans up after a phase before the next window is measured: {@code VACUUM (ANALYZE)} of the
 * whole database, unthrottled, outside every window. Without it PostgreSQL's autovacuum takes up
 * the dead rows of a drained Submit phase (tens of thousands of updated outbox, case and step
 * rows) a minute or so later, throttled over several seconds, in whichever window runs then: on
 * this machine that was a sealed window of one topology in one round and of the other in the
 * next, so the cleanup of the cases was charged to the sealed calls of one of them at random.
 * After it, autovacuum finds nothing due until the window's own writes make it so, which is then
 * the window's own cost.
 */
final class Vacuum {
    private long nanos;
    private int runs;

    /** Vacuums and analyses every table of the bench's database now. */
    void before(ThrowawayPostgres pg) throws SQLException {
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl());
                Statement s = c.createStatement()) {
            s.execute("VACUUM (ANALYZE)");
        }
        nanos += System.nanoTime() - start;
        runs++;
    }

    /** One line for the report: how often, and how long in all. */
    String summary() {
        return String.format(
                java.util.Locale.ROOT,
                "VACUUM (ANALYZE) before each of %d windows, %.1f s in all, outside the windows",
                runs,
                nanos / 1e9);
    }
}
