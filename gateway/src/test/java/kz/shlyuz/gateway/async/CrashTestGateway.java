package kz.shlyuz.gateway.async;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import kz.shlyuz.certs.pki.DevPki;
import kz.shlyuz.gateway.config.AdapterEndpoint;
import kz.shlyuz.gateway.config.ConfigLoader;
import kz.shlyuz.gateway.config.GatewayConfig;
import kz.shlyuz.gateway.server.DevMaterial;
import kz.shlyuz.gateway.server.GatewayServer;

/**
 * The gateway as its own OS process, for the crash test: {@code <pki dir> <data dir> <jdbc url>
 * <adapter=port,...>}. Prints {@code READY <port>} when serving, then runs until killed.
 */
public final class CrashTestGateway {
    private CrashTestGateway() {}

    public static void main(String[] args) throws Exception {
        DevPki pki = DevPki.load(Path.of(args[0]));
        GatewayConfig defaults = ConfigLoader.defaults(Path.of(args[1]))
                .withPort(0)
                .withOps(ConfigLoader.defaults().ops().withAdminPort(0));
        Map<String, AdapterEndpoint> endpoints = new HashMap<>();
        for (String pair : args[3].split(",")) {
            String[] kv = pair.split("=");
            endpoints.put(
                    kv[0],
                    new AdapterEndpoint(
                            "127.0.0.1",
                            Integer.parseInt(kv[1]),
                            defaults.adapters().get(kv[0]).signerBins()));
        }
        GatewayConfig config = defaults.withAdapters(endpoints)
                .withJournal(new GatewayConfig.JournalSettings(
                        args[2], defaults.journal().user(), defaults.journal().password(), 8));
        // A slow poll keeps cases mid-run long enough to be killed there; a short lease lets the
        // restarted node retake the dead node's leased rows quickly.
        GatewayServer gateway = GatewayServer.start(
                config,
                DevMaterial.from(pki, Clock.systemUTC()),
                new GatewayServer.Processes(
                        Clock.systemUTC(),
                        Duration.ofMillis(150),
                        Duration.ofSeconds(2),
                        "crash-" + ProcessHandle.current().pid(),
                        4));
        System.out.println("READY " + gateway.port());
        System.out.flush();
        gateway.awaitTermination();
    }
}
