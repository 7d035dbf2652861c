package kz.shlyuz.gateway.process;

/**
 * Told when status messages were committed, so that open streams read only when there is something
 * new (issue 15). A transaction that wrote status messages tells {@link #committed} the newest
 * cursor once its commit has returned; on PostgreSQL it also sends {@code NOTIFY} inside the
 * transaction ({@link #notifiesInTransaction}), which the database delivers to the other nodes'
 * listeners when, and only if, the transaction commits.
 */
public interface FeedSignal {
    /** No signal: for an engine without streams (tools, tests of the engine alone). */
    FeedSignal NONE = new FeedSignal() {
        @Override
        public boolean notifiesInTransaction() {
            return false;
        }

        @Override
        public void committed(long lastSeq) {}
    };

    /** The channel of {@code pg_notify}; the payload is the newest status cursor, in decimal. */
    String CHANNEL = "shlyuz_feed";

    /** True on PostgreSQL: status-writing transactions run {@code pg_notify(CHANNEL, lastSeq)}. */
    boolean notifiesInTransaction();

    /** Status messages up to cursor {@code lastSeq} are committed (called after the commit). */
    void committed(long lastSeq);

    /**
     * Inside the transaction, right after its status messages were numbered and written: what must
     * move with the case (the registers and the stage reports of issue 11.8) is written here on
     * {@code c}, so it commits with the case or not at all, once. Default: nothing.
     */
    default void written(java.sql.Connection c, java.util.List<StageChange> changes) throws java.sql.SQLException {}
}
