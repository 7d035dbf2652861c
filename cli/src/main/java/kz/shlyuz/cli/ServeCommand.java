package kz.shlyuz.cli;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import kz.shlyuz.adapters.AdapterConfig;
import kz.shlyuz.adapters.AdapterServer;
import kz.shlyuz.certs.ocsp.OcspResponder;
import kz.shlyuz.certs.pki.DevPki;
import kz.shlyuz.certs.tsa.TimeStampAuthority;
import kz.shlyuz.certs.tsa.TimeStampServer;
import kz.shlyuz.gateway.config.AdapterEndpoint;
import kz.shlyuz.gateway.config.GatewayConfig;
import kz.shlyuz.gateway.config.NodeSettings;
import kz.shlyuz.gateway.server.DevMaterial;
import kz.shlyuz.gateway.server.GatewayServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./shlyuz serve}: the development environment in one process — the dev PKI (created on
 * first start), every agency adapter on its configured loopback TLS port, and the gateway with
 * mutual TLS. Ctrl-C shuts down the gateway first (in-flight calls finish), then the adapters.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Start the gateway and every agency adapter on loopback with mutual TLS.")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Option(names = "--config", description = "Gateway configuration (JSON); default: the shipped defaults.")
    Path config;

    @Option(names = "--port", description = "Gateway port, overriding the configuration.")
    Integer port;

    @Option(
            names = "--db",
            paramLabel = "JDBC_URL",
            description = "The journal database, e.g. jdbc:postgresql://127.0.0.1:5432/shlyuz?user=shlyuz&password=…"
                    + " (user and password may be URL parameters); several nodes share one PostgreSQL database. "
                    + "Overrides SHLYUZ_DB_URL, which overrides journal.jdbcUrl of the configuration.")
    String db;

    @Option(
            names = "--node-id",
            paramLabel = "NAME",
            description = "This node's name, unique among the nodes on one database and the same across its "
                    + "restarts. Overrides SHLYUZ_NODE_ID, which overrides node.id of the configuration; "
                    + "default: host name and gateway port.")
    String nodeId;

    @Option(
            names = "--admin-port",
            description = "Admin HTTP listener port (/metrics, /health/*), overriding "
                    + "ops.admin.port (default 9464); 0 picks a free one.")
    Integer adminPort;

    @Option(
            names = "--console-port",
            description = "Operator console and management API port (HTTPS), overriding console.port "
                    + "(default 8444); 0 picks a free one. Without --config the console is on, with one "
                    + "development account per role in <data>/console/accounts.txt.")
    Integer consolePort;

    @Option(
            names = Logging.OPTION,
            paramLabel = "text|json",
            description = "Log format (also SHLYUZ_LOG_FORMAT): "
                    + "text for a terminal (default) or json, one object per line.")
    String logFormat;

    @Option(names = "--no-adapters", description = "Do not start the adapters here (they run with './shlyuz adapter').")
    boolean noAdapters;

    @Option(
            names = "--time-scale",
            description = "Development only: process time (deadlines, timers) runs this many "
                    + "times faster than real time, e.g. 10000 for the demo. Signatures and freshness keep real time.")
    Double timeScale;

    @Option(
            names = "--ocsp-port",
            defaultValue = "8480",
            description = "Port of the dev PKI's OCSP responder on loopback (default: ${DEFAULT-VALUE}); "
                    + "started unless the configuration names its own responder (trust.ocsp.url) or disables OCSP.")
    int ocspPort;

    @Option(
            names = "--tsa-port",
            defaultValue = "8481",
            description =
                    "Port of the dev PKI's RFC 3161 time-stamping authority on loopback (default: ${DEFAULT-VALUE}).")
    int tsaPort;

    @Override
    public Integer call() throws Exception {
        // defaults < file < environment (SHLYUZ_*) < these flags
        var effective = kz.shlyuz.gateway.ops.config.ConfigSources.load(config, System.getenv(), data.data);
        GatewayConfig cfg = effective.config();
        NodeSettings node = NodeSettings.parse(effective.tree());
        if (port != null) {
            cfg = cfg.withPort(port);
        }
        String dbUrl = db != null ? db : System.getenv(DatabaseTarget.ENV);
        if (dbUrl != null && !dbUrl.isBlank()) {
            cfg = cfg.withJournal(DatabaseTarget.parse(dbUrl).applyTo(cfg.journal()));
        }
        String node0;
        try {
            node0 = nodeId != null
                    ? NodeSettings.requireValidId("--node-id", nodeId)
                    : node.idOr(NodeSettings.defaultId(cfg.port()));
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
        if (adminPort != null) {
            cfg = cfg.withOps(cfg.ops().withAdminPort(adminPort));
        }
        // Issue 14: the console is on in development (no --config) and wherever --console-port asks for it.
        if (config == null || consolePort != null) {
            cfg = cfg.withConsole(cfg.console()
                    .enabledOn(consolePort != null ? consolePort : cfg.console().port()));
        }
        for (String error : kz.shlyuz.gateway.ops.config.StartupChecks.errors(cfg)) {
            System.err.println("shlyuz: " + error);
            return 2;
        }
        // A dead gateway thread or an exhausted heap ends this process; its supervisor restarts it.
        kz.shlyuz.gateway.ops.health.FatalErrors.exitOnFatal(true);
        DevPki pki = data.pki(cfg.dataDir());
        Clock clock = Clock.systemUTC();

        List<AdapterServer> adapters = new ArrayList<>();
        if (!noAdapters) {
            for (Map.Entry<String, AdapterEndpoint> e : cfg.adapters().entrySet()) {
                AdapterEndpoint endpoint = e.getValue();
                adapters.add(AdapterServer.start(new AdapterConfig(
                        e.getKey(),
                        pki,
                        new InetSocketAddress(endpoint.host(), endpoint.port()),
                        clock,
                        Duration.ofSeconds(5),
                        Set.of(DevMaterial.GATEWAY_SYSTEM))));
            }
        }
        // The dev PKI's CAs answer OCSP the way the national CA does at ocsp.pki.gov.kz.
        OcspResponder ocsp = null;
        if (cfg.signerRules().devPkiTrust()
                && cfg.signerRules().ocsp().enabled()
                && cfg.signerRules().ocsp().responder() == null) {
            ocsp = OcspResponder.start(
                    new InetSocketAddress("127.0.0.1", ocspPort),
                    pki.ocspAuthorities(),
                    pki.certificateStatuses(),
                    clock,
                    Duration.ofMinutes(5));
            cfg = cfg.withSignerRules(
                    cfg.signerRules().withOcsp(cfg.signerRules().ocsp().withResponder(ocsp.uri())));
        }
        OcspResponder responder = ocsp;
        TimeStampServer tsa = TimeStampServer.start(
                new InetSocketAddress("127.0.0.1", tsaPort),
                new TimeStampAuthority(pki.newTimeStampingKey("GOST2015-512"), clock));
        // Each node leases under its own id, scaled or not, so nodes on one database never take each other's rows.
        GatewayServer.Processes processes = timeScale == null
                ? new GatewayServer.Processes(clock, Duration.ofMillis(100), node.lease(), node0, 8)
                : new GatewayServer.Processes(
                        new kz.shlyuz.gateway.clock.ScaledClock(clock, timeScale),
                        Duration.ofMillis(10),
                        node.lease(),
                        node0,
                        8);
        GatewayServer gateway = GatewayServer.start(cfg, DevMaterial.from(pki, clock), processes);
        GatewayConfig cfg0 = cfg;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.err.println("shlyuz: shutting down (in-flight calls finish first)…");
                            // SIGTERM always ends the process, even when a part hangs on its way down.
                            Thread watchdog = new Thread(
                                    () -> {
                                        try {
                                            Thread.sleep(cfg0.limits()
                                                            .shutdownGrace()
                                                            .toMillis()
                                                    + 20_000);
                                            System.err.println("shlyuz: shutdown did not finish in time; halting");
                                            Runtime.getRuntime().halt(1);
                                        } catch (InterruptedException e) {
                                            Thread.currentThread().interrupt();
                                        }
                                    },
                                    "shutdown-watchdog");
                            watchdog.setDaemon(true);
                            watchdog.start();
                            gateway.close();
                            adapters.forEach(AdapterServer::close);
                            if (responder != null) {
                                responder.close();
                            }
                            tsa.close();
                            stopped.countDown();
                        },
                        "shlyuz-shutdown"));

        if (gateway.operations().adminPort() >= 0) {
            System.out.printf(
                    "Admin listener: http://%s:%d/metrics /health/live /health/ready /health/services "
                            + "(./shlyuz doctor, ./shlyuz maintenance on|off)%n",
                    cfg.ops().admin().host(), gateway.operations().adminPort());
        }
        var console = gateway.console();
        if (console != null && console.accountsFile() != null) {
            System.out.printf(
                    "Console accounts (one per role: role username password): %s%n",
                    console.accountsFile().toAbsolutePath().normalize());
        }
        System.out.printf(
                "Shlyuz ready: node %s, gateway on %s:%d (mutual TLS, CN-identified senders %s); %d agency adapters on "
                        + "loopback TLS%s; PKI %s; journal %s; OCSP %s; TSA %s; console %s%n",
                node0,
                cfg.host(),
                gateway.port(),
                cfg.senders().keySet(),
                adapters.size(),
                adapters.isEmpty() ? " (not started here)" : " ports " + ports(adapters),
                pki.dir().toAbsolutePath().normalize(),
                DatabaseTarget.masked(cfg.journal().jdbcUrl()),
                cfg.signerRules().ocsp().enabled()
                        ? String.valueOf(cfg.signerRules().ocsp().responder())
                        : "off",
                tsa.uri(),
                console == null ? "off" : console.url());
        if (timeScale != null) {
            System.out.printf("Process time runs %.0f times faster than real time (development only).%n", timeScale);
        }
        System.out.flush();
        stopped.await();
        return 0;
    }

    private static String ports(List<AdapterServer> adapters) {
        StringBuilder s = new StringBuilder();
        for (AdapterServer a : adapters) {
            s.append(s.isEmpty() ? "" : ", ").append(a.agency()).append('=').append(a.port());
        }
        return s.toString();
    }
}
