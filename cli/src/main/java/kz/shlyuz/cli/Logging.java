package kz.shlyuz.cli;

import kz.shlyuz.gateway.ops.logging.LogSetup;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Routes grpc's java.util.logging into SLF4J so every component logs one way, in the format asked
 * by {@code --log-format} (any command) or {@code SHLYUZ_LOG_FORMAT}: text (default) or json.
 */
final class Logging {
    static final String OPTION = "--log-format";

    private Logging() {}

    static void configure(String[] args) {
        String format = System.getenv("SHLYUZ_LOG_FORMAT");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(OPTION) && i + 1 < args.length) {
                format = args[i + 1];
            } else if (args[i].startsWith(OPTION + "=")) {
                format = args[i].substring(OPTION.length() + 1);
            }
        }
        LogSetup.Format parsed;
        try {
            parsed = LogSetup.Format.parse(format);
        } catch (IllegalArgumentException e) {
            System.err.println("shlyuz: " + e.getMessage() + "; using text");
            parsed = LogSetup.Format.TEXT;
        }
        LogSetup.configure(parsed, null);
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }
}
