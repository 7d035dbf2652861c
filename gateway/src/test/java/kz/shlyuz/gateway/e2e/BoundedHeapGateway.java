package kz.shlyuz.gateway.e2e;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import kz.shlyuz.certs.pki.DevPki;
import kz.shlyuz.gateway.config.AdapterEndpoint;
import kz.shlyuz.gateway.config.ConfigLoader;
import kz.shlyuz.gateway.config.GatewayConfig;
import kz.shlyuz.gateway.server.DevMaterial;
import kz.shlyuz.gateway.server.GatewayServer;

/**
 * The gateway with the shipped configuration as its own OS process, for the heap test:
 * {@code <pki dir> <data dir> <gbd-fl port>}. Prints {@code READY <port>} when serving, then runs
 * until killed.
 */
public final class BoundedHeapGateway {
    private BoundedHeapGateway() {}

    public static void main(String[] args) throws Exception {
        DevPki pki = DevPki.load(Path.of(args[0]));
        GatewayConfig shipped = ConfigLoader.defaults(Path.of(args[1])).withPort(0);
        // Ephemeral admin port too, so the test never collides with a gateway running on this machine.
        GatewayConfig defaults = shipped.withOps(shipped.ops().withAdminPort(0));
        GatewayConfig config = defaults.withAdapters(Map.of(
                "gbd-fl",
                new AdapterEndpoint(
                        "127.0.0.1",
                        Integer.parseInt(args[2]),
                        defaults.adapters().get("gbd-fl").signerBins())));
        GatewayServer gateway = GatewayServer.start(config, DevMaterial.from(pki, Clock.systemUTC()));
        System.out.println("READY " + gateway.port());
        System.out.flush();
        gateway.awaitTermination();
    }
}
