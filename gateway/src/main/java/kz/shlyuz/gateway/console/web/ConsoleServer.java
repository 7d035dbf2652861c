package kz.shlyuz.gateway.console.web;

import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.EnumSet;
import javax.net.ssl.SSLContext;
import kz.shlyuz.gateway.config.ConsoleSettings;
import kz.shlyuz.gateway.console.auth.Accounts;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.SessionHandler;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The console's HTTPS listener: Jetty 12 with one servlet context — the {@link Guard} filter in
 * front, the API under {@code /api/*}, the pages everywhere else — and servlet sessions whose cookie
 * is Secure, HttpOnly and SameSite=Strict, ending after {@code console.sessionIdle}.
 */
public final class ConsoleServer implements AutoCloseable {
    private final Server server;
    private final ServerConnector connector;

    private ConsoleServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /** Starts the listener; fails when the port is taken. */
    public static ConsoleServer start(
            ConsoleSettings settings, SSLContext tls, Accounts accounts, ConsoleServices services) {
        QueuedThreadPool threads = new QueuedThreadPool(16, 2);
        threads.setName("console-http");
        threads.setDaemon(true);
        Server server = new Server(threads);
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setSslContext(tls);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // The certificate names the gateway's host, and the console is reached as 127.0.0.1 too.
        secure.setSniHostCheck(false);
        http.addCustomizer(secure);
        ServerConnector connector = new ServerConnector(
                server,
                new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()),
                new HttpConnectionFactory(http));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath("/");
        SessionHandler sessions = context.getSessionHandler();
        sessions.setMaxInactiveInterval((int) settings.sessionIdle().toSeconds());
        sessions.getSessionCookieConfig().setName("SHLYUZ_CONSOLE");
        sessions.getSessionCookieConfig().setSecure(true);
        sessions.getSessionCookieConfig().setHttpOnly(true);
        sessions.getSessionCookieConfig().setAttribute("SameSite", "Strict");
        Actions actions = new Actions(services);
        context.addFilter(
                new FilterHolder(new Guard(accounts, new RateLimit(settings.requestsPerMinute(), Clock.systemUTC()))),
                "/*",
                EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(
                new ServletHolder(new ApiServlet(new ApiRoutes(services, actions).routes(), actions)), "/api/*");
        context.addServlet(new ServletHolder(new PageServlet(services, actions, accounts)), "/");
        server.setHandler(context);
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new IllegalStateException(
                    "console: cannot listen on " + settings.host() + ":" + settings.port() + " (" + e.getMessage()
                            + ")",
                    e);
        }
        return new ConsoleServer(server, connector);
    }

    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("console: stopping the listener failed", e);
        }
    }
}
