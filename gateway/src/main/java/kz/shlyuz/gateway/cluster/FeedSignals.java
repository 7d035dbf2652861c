package kz.shlyuz.gateway.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import kz.shlyuz.gateway.config.GatewayConfig;
import kz.shlyuz.gateway.journal.JournalException;
import kz.shlyuz.gateway.process.FeedSignal;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's one source of "status messages up to cursor X are committed" for all its open
 * streams (cabinet WatchStatus and completion notices, issue 15): a stream reads the database
 * only when the newest cursor moved past what it has read, never on a timer of its own, so the
 * database work of idle streams does not grow with their number.
 *
 * <p>Where the signal comes from: this node's own commits ({@link #committed}, in process); on
 * PostgreSQL also the other nodes' commits, through {@code LISTEN shlyuz_feed} on one dedicated
 * connection per node ({@code PGConnection.getNotifications}), the engine sending
 * {@code pg_notify} inside each status-writing transaction. A slow safety poll (one query of the
 * feed counter per node, every {@code safetyPoll}) covers what a signal cannot: a notification
 * lost while the listener connection was down and being re-opened, or written by a tool that does
 * not notify. Completion notices are always written with a status message (the case's last), so
 * the same cursor wakes the notice streams too.
 */
public final class FeedSignals implements FeedSignal, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FeedSignals.class);
    /** How long the listener waits for notifications per round; also how fast close is noticed. */
    private static final int LISTEN_WAIT_MILLIS = 500;

    private final DataSource db;
    private final GatewayConfig.JournalSettings listenTo;
    private final AtomicLong latest = new AtomicLong();
    private final Set<LongConsumer> subscribers = new CopyOnWriteArraySet<>();
    private final ScheduledFuture<?> safety;
    private final AtomicLong safetyPolls = new AtomicLong();
    private final AtomicLong notifications = new AtomicLong();
    private final AtomicLong streamReads = new AtomicLong();
    private final Thread listener;
    private final CountDownLatch stop = new CountDownLatch(1);
    private volatile boolean listening;

    /**
     * @param settings the database; on PostgreSQL a connection of its own (outside the pool) listens
     * @param scheduler runs the safety poll
     * @param safetyPoll how often the feed counter is read when no signal came
     */
    public FeedSignals(
            DataSource db,
            GatewayConfig.JournalSettings settings,
            ScheduledExecutorService scheduler,
            Duration safetyPoll) {
        this.db = db;
        boolean postgres = settings.jdbcUrl().startsWith("jdbc:postgresql:");
        this.listenTo = postgres ? settings : null;
        latest.set(readCounter());
        if (postgres) {
            listener = new Thread(this::listenLoop, "shlyuz-feed-listener");
            listener.setDaemon(true);
            listener.start();
        } else {
            listener = null;
        }
        this.safety = scheduler.scheduleWithFixedDelay(
                this::safetyPoll, safetyPoll.toMillis(), safetyPoll.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public boolean notifiesInTransaction() {
        return listenTo != null;
    }

    @Override
    public void committed(long lastSeq) {
        advance(lastSeq);
    }

    /** The newest committed status cursor this node knows of. */
    public long latest() {
        return latest.get();
    }

    /**
     * Calls {@code onNews} with the newest cursor each time it moves on, on the signalling thread
     * (it must only hand work on); the returned handle unsubscribes.
     */
    public AutoCloseable subscribe(LongConsumer onNews) {
        subscribers.add(onNews);
        return () -> subscribers.remove(onNews);
    }

    /** Open streams subscribed now. */
    public int subscribers() {
        return subscribers.size();
    }

    /** Safety polls run so far: one query each, whatever the number of streams. */
    public long safetyPolls() {
        return safetyPolls.get();
    }

    /** Notifications received from the database so far (PostgreSQL). */
    public long notifications() {
        return notifications.get();
    }

    /** Database reads the open streams made so far (counted by {@link SignalledReads}). */
    public long streamReads() {
        return streamReads.get();
    }

    /** True while the PostgreSQL listener connection is open (always false on H2). */
    public boolean listening() {
        return listening;
    }

    void countRead() {
        streamReads.incrementAndGet();
    }

    private void advance(long seq) {
        long before = latest.getAndAccumulate(seq, Math::max);
        if (seq > before) {
            for (LongConsumer s : subscribers) {
                try {
                    s.accept(seq);
                } catch (RuntimeException e) {
                    log.warn("a stream's signal failed: {}", e.toString());
                }
            }
        }
    }

    private void safetyPoll() {
        try {
            safetyPolls.incrementAndGet();
            advance(readCounter());
        } catch (RuntimeException e) {
            log.warn("feed safety poll failed: {}", e.toString());
        }
    }

    private long readCounter() {
        try (Connection c = db.getConnection();
                PreparedStatement s =
                        c.prepareStatement("SELECT feed_seq FROM feed_counter WHERE feed_name = 'status'");
                ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new JournalException("feed counter", e);
        }
    }

    /**
     * One connection listens for the whole node; when it breaks it is opened again (a second
     * later), and the counter is read right after LISTEN, so nothing committed meanwhile is missed.
     */
    private void listenLoop() {
        while (stop.getCount() > 0) {
            try (Connection c = DriverManager.getConnection(listenTo.jdbcUrl(), listenTo.user(), listenTo.password())) {
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                listening = true;
                advance(readCounter());
                PGConnection pg = c.unwrap(PGConnection.class);
                while (stop.getCount() > 0) {
                    PGNotification[] received = pg.getNotifications(LISTEN_WAIT_MILLIS);
                    if (received == null) {
                        continue;
                    }
                    long newest = 0;
                    for (PGNotification n : received) {
                        notifications.incrementAndGet();
                        try {
                            newest = Math.max(newest, Long.parseLong(n.getParameter()));
                        } catch (NumberFormatException e) {
                            log.warn("feed notification with an unreadable payload ignored");
                        }
                    }
                    advance(newest);
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (stop.getCount() == 0) {
                    return;
                }
                log.warn("feed listener lost its connection, re-opening: {}", e.toString());
                try {
                    if (stop.await(1, TimeUnit.SECONDS)) {
                        return;
                    }
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            } finally {
                listening = false;
            }
        }
    }

    @Override
    public void close() {
        stop.countDown();
        safety.cancel(false);
        subscribers.clear();
        if (listener != null) {
            try {
                listener.join(LISTEN_WAIT_MILLIS * 4L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
