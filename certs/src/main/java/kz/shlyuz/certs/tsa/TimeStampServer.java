package kz.shlyuz.certs.tsa;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RFC 3161 over HTTP (section 3.4): POST {@code application/timestamp-query}, answered with
 * {@code application/timestamp-reply}, the way the national CA's TSA at {@code http://tsp.pki.gov.kz/}
 * is reached. Loopback, bounded request size and threads.
 */
public final class TimeStampServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TimeStampServer.class);
    private static final int MAX_REQUEST_BYTES = 16 * 1024;

    private final HttpServer server;
    private final ExecutorService executor;
    private final TimeStampAuthority authority;

    private TimeStampServer(HttpServer server, ExecutorService executor, TimeStampAuthority authority) {
        this.server = server;
        this.executor = executor;
        this.authority = authority;
    }

    /** Starts answering on {@code address} (port 0 for any free port). */
    public static TimeStampServer start(InetSocketAddress address, TimeStampAuthority authority) throws IOException {
        HttpServer server = HttpServer.create(address, 64);
        ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "tsa");
            thread.setDaemon(true);
            return thread;
        });
        TimeStampServer tsa = new TimeStampServer(server, executor, authority);
        server.createContext("/", tsa::handle);
        server.setExecutor(executor);
        server.start();
        log.info("TSA on {}: {}", tsa.uri(), authority);
        return tsa;
    }

    public URI uri() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getHostString() + ":" + address.getPort() + "/tsa");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] request = exchange.getRequestBody().readNBytes(MAX_REQUEST_BYTES + 1);
            if (request.length > MAX_REQUEST_BYTES) {
                exchange.sendResponseHeaders(413, -1);
                return;
            }
            byte[] response = authority.respond(request);
            exchange.getResponseHeaders().set("Content-Type", "application/timestamp-reply");
            exchange.sendResponseHeaders(200, response.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
