package kz.shlyuz.cli;

import java.net.InetSocketAddress;
import java.nio.file.Files;
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
import kz.shlyuz.bench.env.ThrowawayPostgres;
import kz.shlyuz.certs.pki.DevPki;
import kz.shlyuz.gateway.config.AdapterEndpoint;
import kz.shlyuz.gateway.config.GatewayConfig;
import kz.shlyuz.gateway.ops.config.ConfigSources;
import kz.shlyuz.gateway.server.DevMaterial;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./shlyuz cluster}: several gateway nodes on one PostgreSQL, for trying it out on one machine. */
@Command(
        name = "cluster",
        mixinStandardHelpOptions = true,
        description = "Several gateway nodes on one PostgreSQL database, on this machine (docs/CLUSTER.md).",
        subcommands = {ClusterCommand.Up.class})
final class ClusterCommand extends CommandGroup {
    /**
     * {@code ./shlyuz cluster up}: a throwaway PostgreSQL cluster, the agency adapters once, and N
     * gateway nodes as child JVMs ({@code serve --db … --node-id node-i --no-adapters}) sharing the
     * data folder's dev PKI. Ctrl-C stops the nodes, then the adapters and the database, and
     * removes the database's folder.
     */
    @Command(
            name = "up",
            mixinStandardHelpOptions = true,
            description = "Start a throwaway PostgreSQL, the adapters and N gateway nodes; Ctrl-C stops them all.")
    static final class Up implements Callable<Integer> {
        @Mixin
        DataOptions data;

        @Option(
                names = "--nodes",
                defaultValue = "2",
                description = "Gateway nodes to start (default: ${DEFAULT-VALUE}).")
        int nodes;

        @Option(
                names = "--port",
                defaultValue = "8443",
                description = "Gateway port of the first node; the next ones take the following ports "
                        + "(default: ${DEFAULT-VALUE}; 0: free ports).")
        int port;

        @Option(
                names = "--admin-port",
                defaultValue = "9464",
                description = "Admin listener port of the first node, the next ones following (default: "
                        + "${DEFAULT-VALUE}; 0: free ports).")
        int adminPort;

        @Option(
                names = "--config",
                description = "Gateway configuration (JSON) for every node; default: the shipped defaults.")
        Path config;

        @Option(
                names = "--time-scale",
                description = "Development only: process time runs this many times faster on every node.")
        Double timeScale;

        @Override
        public Integer call() throws Exception {
            if (nodes < 1 || nodes > 16) {
                throw new UsageError("--nodes: " + nodes + " (expected: 1–16)");
            }
            Path bin = ThrowawayPostgres.findBin(System.getenv(ThrowawayPostgres.BIN_ENV));
            if (bin == null) {
                System.err.println("shlyuz cluster: PostgreSQL binaries not found (initdb, pg_ctl under "
                        + "/usr/lib/postgresql/*/bin or " + ThrowawayPostgres.BIN_ENV
                        + "); install Debian's package: apt-get install postgresql");
                return 2;
            }
            GatewayConfig cfg =
                    ConfigSources.load(config, System.getenv(), data.data).config();
            Path dataDir = data.dataDir(cfg.dataDir());
            // The dev PKI is made once, here, and every node loads it from the shared folder.
            DevPki pki = data.pki(cfg.dataDir());
            Clock clock = Clock.systemUTC();
            List<AdapterServer> adapters = new ArrayList<>();
            List<NodeProcess> started = new ArrayList<>();
            ThrowawayPostgres[] database = {null};
            CountDownLatch stopped = new CountDownLatch(1);
            Runnable stopAll = () -> {
                started.forEach(n -> n.stop(Duration.ofSeconds(30)));
                adapters.forEach(AdapterServer::close);
                if (database[0] != null) {
                    database[0].close();
                }
            };
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                System.err.println("shlyuz cluster: stopping the nodes, the adapters and PostgreSQL…");
                                stopAll.run();
                                stopped.countDown();
                            },
                            "shlyuz-cluster-shutdown"));
            try {
                database[0] = ThrowawayPostgres.start(bin);
                for (Map.Entry<String, AdapterEndpoint> e : cfg.adapters().entrySet()) {
                    adapters.add(AdapterServer.start(new AdapterConfig(
                            e.getKey(),
                            pki,
                            new InetSocketAddress(
                                    e.getValue().host(), e.getValue().port()),
                            clock,
                            Duration.ofSeconds(5),
                            Set.of(DevMaterial.GATEWAY_SYSTEM))));
                }
                Path logs = dataDir.resolve("cluster-logs");
                Files.createDirectories(logs);
                for (int i = 1; i <= nodes; i++) {
                    List<String> args = new ArrayList<>(List.of(
                            "--db",
                            database[0].jdbcUrl(),
                            "--node-id",
                            "node-" + i,
                            "--no-adapters",
                            "--data",
                            dataDir.toString(),
                            "--port",
                            String.valueOf(port == 0 ? 0 : port + i - 1),
                            "--admin-port",
                            String.valueOf(adminPort == 0 ? 0 : adminPort + i - 1),
                            // Each node's console (issue 14) on a free port: the nodes share one host.
                            "--console-port",
                            "0",
                            // The dev OCSP responder and TSA of each node on a free port of their own.
                            "--ocsp-port",
                            "0",
                            "--tsa-port",
                            "0"));
                    if (config != null) {
                        args.addAll(List.of("--config", config.toString()));
                    }
                    if (timeScale != null) {
                        args.addAll(List.of("--time-scale", String.valueOf(timeScale)));
                    }
                    started.add(NodeProcess.start("node-" + i, args, Map.of(), logs.resolve("node-" + i + ".log")));
                }
                List<String> addresses = new ArrayList<>();
                for (NodeProcess node : started) {
                    node.awaitReady(Duration.ofMinutes(3));
                    String address = "127.0.0.1:" + node.gatewayPort();
                    addresses.add(address);
                    System.out.printf(
                            "%s: gateway %s, admin http://127.0.0.1:%d (log %s)%n",
                            node.name(), address, node.adminPort(), node.log());
                }
                System.out.printf(
                        "Shlyuz cluster ready: %d nodes on PostgreSQL 127.0.0.1:%d/%s, %d agency adapters, PKI %s; "
                                + "call any node, or all: --gateway %s (Ctrl-C stops everything)%n",
                        nodes,
                        database[0].port(),
                        ThrowawayPostgres.DATABASE,
                        adapters.size(),
                        pki.dir().toAbsolutePath().normalize(),
                        String.join(",", addresses));
                System.out.flush();
            } catch (Exception e) {
                System.err.println("shlyuz cluster: " + e.getMessage());
                // The shutdown hook stops what did start.
                return 2;
            }
            stopped.await();
            return 0;
        }
    }
}
