package kz.shlyuz.gateway.ops;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import kz.shlyuz.gateway.ops.logging.LogSetup;
import org.slf4j.LoggerFactory;

/** Every log line of the JVM while open, in the JSON format {@code serve --log-format json} writes. */
final class LogCapture implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Appender<ILoggingEvent> appender;
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    LogCapture() {
        appender = LogSetup.appender(LogSetup.Format.JSON, bytes);
        root.addAppender(appender);
    }

    /** The raw lines written so far. */
    List<String> lines() {
        synchronized (bytes) {
            String text = bytes.toString(StandardCharsets.UTF_8);
            List<String> out = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (!line.isEmpty()) {
                    out.add(line);
                }
            }
            return out;
        }
    }

    /** Every line as JSON; a line that is not one JSON object fails. */
    List<JsonNode> json() {
        List<JsonNode> out = new ArrayList<>();
        for (String line : lines()) {
            try {
                JsonNode node = JSON.readTree(line);
                if (!node.isObject()) {
                    throw new AssertionError("not a JSON object: " + line);
                }
                out.add(node);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + line, e);
            }
        }
        return out;
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
