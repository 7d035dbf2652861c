package kz.shlyuz.gateway.ops.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Locale;
import net.logstash.logback.encoder.LogstashEncoder;
import net.logstash.logback.fieldnames.LogstashFieldNames;
import org.slf4j.LoggerFactory;

/**
 * The process's log format (issue 12): {@code text} for a person at a terminal (the default), or
 * {@code json} — one JSON object per line with {@code time}, {@code level}, {@code logger},
 * {@code message} and, for a call, {@code messageId}, {@code correlationId}, {@code sender},
 * {@code service}, {@code reason} and {@code traceId} (the log context {@code ServerObservation}
 * and the journal set). Logback with logstash-logback-encoder: MDC fields become top-level
 * fields, and every string is JSON-escaped, so a caller's text cannot break a line.
 */
public final class LogSetup {
    /** The formats {@code --log-format} / {@code SHLYUZ_LOG_FORMAT} accept. */
    public enum Format {
        TEXT,
        JSON;

        public static Format parse(String value) {
            if (value == null || value.isBlank()) {
                return TEXT;
            }
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("log format " + value + " (expected: text or json)", e);
            }
        }
    }

    private static final String PATTERN =
            "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level %logger{0} - %msg" + "%replace( [%mdc]){' \\[\\]', ''}%n%ex";

    private LogSetup() {}

    /** Logs to standard error in {@code format}; {@code file}, when not null, instead of it. */
    public static void configure(Format format, Path file) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        root.setLevel(Level.INFO);
        for (String quiet :
                new String[] {"io.grpc", "io.netty", "com.zaxxer.hikari", "org.flywaydb", "io.opentelemetry"}) {
            context.getLogger(quiet).setLevel(Level.WARN);
        }
        OutputStreamAppender<ILoggingEvent> appender;
        if (file != null) {
            FileAppender<ILoggingEvent> f = new FileAppender<>();
            f.setFile(file.toString());
            f.setAppend(true);
            appender = f;
        } else {
            ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
            console.setTarget("System.err");
            appender = console;
        }
        appender.setContext(context);
        appender.setName(format.name().toLowerCase(Locale.ROOT));
        appender.setEncoder(encoder(format, context));
        appender.start();
        root.addAppender(appender);
    }

    /** An appender writing {@code format} to {@code out} (tests read the lines back). */
    public static Appender<ILoggingEvent> appender(Format format, OutputStream out) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setName("capture-" + format.name().toLowerCase(Locale.ROOT));
        appender.setEncoder(encoder(format, context));
        appender.setOutputStream(out);
        appender.setImmediateFlush(true);
        appender.start();
        return appender;
    }

    private static Encoder<ILoggingEvent> encoder(Format format, LoggerContext context) {
        if (format == Format.JSON) {
            LogstashEncoder json = new LogstashEncoder();
            LogstashFieldNames names = new LogstashFieldNames();
            names.setTimestamp("time");
            names.setLogger("logger");
            names.setThread("thread");
            names.setLevel("level");
            names.setLevelValue("[ignore]");
            names.setVersion("[ignore]");
            json.setFieldNames(names);
            json.setContext(context);
            json.start();
            return json;
        }
        PatternLayoutEncoder text = new PatternLayoutEncoder();
        text.setPattern(PATTERN);
        text.setContext(context);
        text.start();
        return text;
    }
}
