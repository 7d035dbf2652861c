package kz.shlyuz.gateway.edge;

import java.time.Duration;
import java.util.List;
import java.util.logging.Filter;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * grpc-netty logs every stream error (a refused or reset stream, a message over the size limit)
 * at WARNING with its stack trace — 5 KB a frame, so a client sending frames it knows will be
 * refused could write 50 MB of log in a fraction of a second. This filter folds them: one line
 * without a stack trace every 10 s per kind, saying how many were folded. Connection-level
 * errors are folded the same way. The events themselves are still refused by the transport.
 */
final class QuietTransportLogs {
    private static final Logger log = LoggerFactory.getLogger(QuietTransportLogs.class);
    /** grpc-netty's loggers that write a stack trace per frame (shaded names). */
    private static final List<String> NOISY = List.of(
            "io.grpc.netty.shaded.io.grpc.netty.NettyServerHandler",
            "io.grpc.netty.shaded.io.grpc.netty.NettyServerStream",
            "io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2ConnectionHandler");
    /** Held so that the JUL loggers, and so their filters, are not garbage-collected. */
    private static final List<java.util.logging.Logger> HELD = new java.util.ArrayList<>();

    private QuietTransportLogs() {}

    static synchronized void install() {
        if (!HELD.isEmpty()) {
            return;
        }
        for (String name : NOISY) {
            java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
            OncePer once = new OncePer(Duration.ofSeconds(10));
            logger.setFilter(folding(name.substring(name.lastIndexOf('.') + 1), once));
            HELD.add(logger);
        }
    }

    private static Filter folding(String source, OncePer once) {
        return record -> {
            if (record.getThrown() == null || record.getLevel().intValue() < Level.INFO.intValue()) {
                return true;
            }
            Throwable thrown = record.getThrown();
            String what =
                    record.getMessage() + ": " + EdgeJournal.Shown.bounded(String.valueOf(thrown.getMessage()), 200);
            once.event(folded -> log.warn(
                    "transport {} ({}){}",
                    what,
                    source,
                    folded == 0 ? "" : "; " + folded + " more such events folded since the last line"));
            return false;
        };
    }
}
