package kz.shlyuz.cli;

import org.slf4j.bridge.SLF4JBridgeHandler;

/** Routes grpc's java.util.logging into SLF4J so every component logs one way. */
final class Logging {
    private Logging() {}

    static void configure() {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }
}
