package kz.shlyuz.cli;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import kz.shlyuz.adapters.AdapterConfig;
import kz.shlyuz.adapters.AdapterServer;
import kz.shlyuz.certs.agency.Agency;
import kz.shlyuz.certs.pki.DevPki;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./shlyuz adapter <name>}: one agency adapter on its own, as the agency would run it. */
@Command(name = "adapter", mixinStandardHelpOptions = true, description = "Run one agency adapter on its own.")
final class AdapterCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Parameters(
            index = "0",
            completionCandidates = AgencyNames.class,
            description = "Adapter name: one of ${COMPLETION-CANDIDATES}.")
    String name;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", description = "Port (default: the adapter's fixed port, 9101–9111).")
    Integer port;

    @Override
    public Integer call() throws Exception {
        Agency agency = Agency.named(name).orElse(null);
        if (agency == null) {
            System.err.println("unknown adapter '" + name + "'; known: " + Agency.ids());
            return 2;
        }
        DevPki pki = data.pki();
        int bound = port == null ? agency.defaultPort() : port;
        AdapterServer server = AdapterServer.start(new AdapterConfig(
                name,
                pki,
                new InetSocketAddress(host, bound),
                Clock.systemUTC(),
                Duration.ofSeconds(5),
                Set.of("gateway")));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
                            stopped.countDown();
                        },
                        "adapter-shutdown"));
        System.out.printf(
                "Adapter %s (%s) ready on %s:%d (mutual TLS, callers: gateway)%n",
                name, agency.titleRu(), host, server.port());
        System.out.flush();
        stopped.await();
        return 0;
    }

    /** The registry's agency names, for the help text and shell completion. */
    static final class AgencyNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Agency.ids().iterator();
        }
    }
}
