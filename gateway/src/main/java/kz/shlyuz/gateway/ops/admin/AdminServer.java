package kz.shlyuz.gateway.ops.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import kz.shlyuz.gateway.config.OpsSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin HTTP listener (127.0.0.1:9464 by default, {@code ops.admin}), separate from the gRPC
 * port. The JDK's own {@code com.sun.net.httpserver}: six small endpoints need no framework, and
 * it adds no dependency and no thread beyond its two workers.
 *
 * <ul>
 *   <li>{@code GET /metrics} — Prometheus text format
 *   <li>{@code GET /health/live} — 200 while the process is sound, 503 after a fatal error
 *   <li>{@code GET /health/ready} — 200 when the node can serve, else 503; JSON naming each dependency
 *   <li>{@code GET /health/services} — X-Road's per-service health data, JSON
 *   <li>{@code GET /status} — what {@code ./shlyuz doctor} reads, JSON
 *   <li>{@code POST /maintenance} with body {@code on} or {@code off} — from loopback, or over TLS
 *       with a client certificate named in {@code ops.admin.adminClients}
 * </ul>
 */
public final class AdminServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AdminServer.class);
    public static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new com.fasterxml.jackson.databind.module.SimpleModule()
                    .addSerializer(
                            java.time.Instant.class,
                            com.fasterxml.jackson.databind.ser.std.ToStringSerializer.instance))
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** What the endpoints answer with; each supplier is asked per request. */
    public interface Endpoints {
        String metrics();

        /**
         * Tells whether the node is live.
         *
         * @return null while live, else why not
         */
        String notLive();

        /**
         * Tells whether the node is ready to take calls.
         *
         * @return the readiness body and whether the node is ready
         */
        Map.Entry<Boolean, Object> ready();

        Object services();

        Object status();

        /**
         * Turns maintenance on or off.
         *
         * @param by who asked, for the log
         */
        Object maintenance(boolean on, String by);
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final OpsSettings.Admin settings;

    private AdminServer(HttpServer server, ExecutorService executor, OpsSettings.Admin settings) {
        this.server = server;
        this.executor = executor;
        this.settings = settings;
    }

    /**
     * Starts the admin listener.
     *
     * @param tls the SSL context when {@code ops.admin.tls} is on, else null
     */
    public static AdminServer start(OpsSettings.Admin settings, Endpoints endpoints, SSLContext tls)
            throws IOException {
        InetSocketAddress bind = new InetSocketAddress(settings.host(), settings.port());
        HttpServer server;
        if (tls != null) {
            HttpsServer https = HttpsServer.create(bind, 16);
            https.setHttpsConfigurator(new HttpsConfigurator(tls) {
                @Override
                public void configure(HttpsParameters params) {
                    SSLParameters p = tls.getDefaultSSLParameters();
                    p.setWantClientAuth(true);
                    params.setSSLParameters(p);
                }
            });
            server = https;
        } else {
            server = HttpServer.create(bind, 16);
        }
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "admin-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        AdminServer admin = new AdminServer(server, executor, settings);
        server.createContext(
                "/metrics",
                admin.get(ex -> reply(ex, 200, "text/plain; version=0.0.4; charset=utf-8", endpoints.metrics())));
        server.createContext("/health/live", admin.get(ex -> {
            String why = endpoints.notLive();
            json(
                    ex,
                    why == null ? 200 : 503,
                    why == null ? Map.of("status", "UP") : Map.of("status", "DOWN", "why", why));
        }));
        server.createContext("/health/ready", admin.get(ex -> {
            Map.Entry<Boolean, Object> ready = endpoints.ready();
            json(ex, ready.getKey() ? 200 : 503, ready.getValue());
        }));
        server.createContext("/health/services", admin.get(ex -> json(ex, 200, endpoints.services())));
        server.createContext("/status", admin.get(ex -> json(ex, 200, endpoints.status())));
        server.createContext("/maintenance", admin.handler(ex -> {
            if (!ex.getRequestMethod().equals("POST") && !ex.getRequestMethod().equals("GET")) {
                json(ex, 405, Map.of("error", "use POST with body on or off"));
                return;
            }
            if (ex.getRequestMethod().equals("GET")) {
                json(ex, 200, endpoints.maintenance(false, null));
                return;
            }
            String caller = admin.allowedCaller(ex);
            if (caller == null) {
                json(
                        ex,
                        403,
                        Map.of(
                                "error",
                                "maintenance is changed " + (settings.trustLoopback() ? "from loopback or " : "")
                                        + "with an admin client certificate (ops.admin.adminClients, over ops.admin.tls)"));
                return;
            }
            String body;
            try (InputStream in = ex.getRequestBody()) {
                body = new String(in.readNBytes(16), StandardCharsets.UTF_8).trim();
            }
            if (!body.equals("on") && !body.equals("off")) {
                json(ex, 400, Map.of("error", "body must be on or off"));
                return;
            }
            json(ex, 200, endpoints.maintenance(body.equals("on"), caller));
        }));
        server.start();
        log.info(
                "admin listener on {}://{}:{} (/metrics, /health/live, /health/ready, /health/services, /status, "
                        + "/maintenance)",
                tls == null ? "http" : "https",
                settings.host(),
                admin.port());
        return admin;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * The loopback address (unless {@code ops.admin.trustLoopback} is false) or the admin
     * certificate's CN of an allowed caller, else null.
     */
    private String allowedCaller(HttpExchange ex) {
        InetAddress remote = ex.getRemoteAddress().getAddress();
        if (remote.isLoopbackAddress() && settings.trustLoopback()) {
            return "loopback " + remote.getHostAddress();
        }
        if (ex instanceof HttpsExchange https) {
            try {
                Certificate[] peer = https.getSSLSession().getPeerCertificates();
                if (peer.length > 0 && peer[0] instanceof X509Certificate leaf) {
                    String cn = kz.shlyuz.gateway.caller.Caller.systemOf(leaf);
                    if (cn != null && settings.adminClients().contains(cn)) {
                        return "admin certificate " + cn;
                    }
                }
            } catch (SSLPeerUnverifiedException e) {
                return null;
            }
        }
        return null;
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private HttpHandler get(Handler handler) {
        return handler(ex -> {
            if (!ex.getRequestMethod().equals("GET") && !ex.getRequestMethod().equals("HEAD")) {
                json(ex, 405, Map.of("error", "GET only"));
                return;
            }
            handler.handle(ex);
        });
    }

    private HttpHandler handler(Handler handler) {
        return ex -> {
            try (ex) {
                handler.handle(ex);
            } catch (IOException e) {
                log.debug("admin: client went away", e);
            } catch (RuntimeException e) {
                log.error("admin endpoint {} failed", ex.getRequestURI().getPath(), e);
                try {
                    json(ex, 500, Map.of("error", e.toString()));
                } catch (IOException | RuntimeException ignored) {
                    // the response may already have started
                }
            }
        };
    }

    private static void json(HttpExchange ex, int status, Object body) throws IOException {
        reply(ex, status, "application/json; charset=utf-8", JSON.writeValueAsString(body) + "\n");
    }

    private static void reply(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
