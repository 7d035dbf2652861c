package kz.shlyuz.adapters;

import io.grpc.Server;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import kz.shlyuz.adapters.agency.AgencyCatalog;
import kz.shlyuz.adapters.agency.AgencyDefinition;
import kz.shlyuz.adapters.dispatch.AnswerCache;
import kz.shlyuz.adapters.dispatch.Dispatcher;
import kz.shlyuz.adapters.dispatch.ResponseSigner;
import kz.shlyuz.adapters.server.AgencyAdapterService;
import kz.shlyuz.adapters.server.GrpcServers;
import kz.shlyuz.adapters.server.ServerTls;
import kz.shlyuz.certs.cms.CmsSigner;
import kz.shlyuz.certs.cms.SignerKey;
import kz.shlyuz.proto.v1.AgencyAdapterGrpc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running agency adapter: a gRPC server (mutual TLS, only {@link AdapterConfig#allowedCallers()}
 * may call {@code shlyuz.v1.AgencyAdapter}) answering from the agency's fixture register and
 * signing every answer with the agency's keys. Also serves {@code grpc.health.v1.Health}
 * (SERVING for "" and {@code shlyuz.v1.AgencyAdapter} while up) and server reflection.
 *
 * <pre>{@code
 * try (AdapterServer gbdFl = AdapterServer.start(AdapterConfig.defaults("gbd-fl", pki, 9101))) {
 *     gbdFl.awaitTermination();
 * }
 * }</pre>
 */
public final class AdapterServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AdapterServer.class);

    private final AdapterConfig config;
    private final Server server;
    private final HealthStatusManager health;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AgencyDefinition definition;

    private AdapterServer(
            AdapterConfig config, Server server, HealthStatusManager health, AgencyDefinition definition) {
        this.config = config;
        this.server = server;
        this.health = health;
        this.definition = definition;
    }

    /**
     * The effects this agency applied (registrations, permits, documents …), in order; empty for
     * an agency that only answers lookups and checks.
     */
    public List<kz.shlyuz.adapters.effect.EffectLedger.Effect> effects() {
        return definition.operations().stream()
                .filter(kz.shlyuz.adapters.effect.EffectOperation.class::isInstance)
                .map(o -> ((kz.shlyuz.adapters.effect.EffectOperation) o).ledger())
                .distinct()
                .flatMap(l -> l.effects().stream())
                .toList();
    }

    /** The stage reports this agency registered (the monitoring system, 001 §14); empty for any other. */
    public List<kz.shlyuz.adapters.monitoring.StageReportLedger.Registered> stageReports() {
        return definition.operations().stream()
                .filter(kz.shlyuz.adapters.monitoring.StageReportOperation.class::isInstance)
                .flatMap(o -> ((kz.shlyuz.adapters.monitoring.StageReportOperation) o).ledger().reports().stream())
                .toList();
    }

    /**
     * Loads the agency's fixtures and keys, binds and starts serving.
     *
     * @throws IOException when the address cannot be bound or the TLS files cannot be read
     * @throws kz.shlyuz.adapters.registry.FixtureException when the agency's fixtures are broken
     */
    public static AdapterServer start(AdapterConfig config) throws IOException {
        return start(config, java.util.function.UnaryOperator.identity());
    }

    /**
     * As {@link #start(AdapterConfig)}, serving the agency as {@code tweak} changes its assembled
     * definition: a test's agency that fails at a chosen moment of an operation.
     */
    public static AdapterServer start(AdapterConfig config, java.util.function.UnaryOperator<AgencyDefinition> tweak)
            throws IOException {
        AgencyDefinition agency = tweak.apply(AgencyCatalog.assemble(config.agency()));
        List<SignerKey> keys =
                agency.signers().stream().map(config.pki()::signerKey).toList();
        Dispatcher dispatcher = new Dispatcher(
                agency,
                new ResponseSigner(agency.name(), new CmsSigner(config.clock()), keys),
                new AnswerCache(AnswerCache.DEFAULT_CAPACITY),
                config.clock());
        HealthStatusManager health = new HealthStatusManager();
        Server server = GrpcServers.build(
                config.bind(),
                ServerTls.credentials(config.pki(), agency.name()),
                agency.name(),
                config.allowedCallers(),
                new AgencyAdapterService(agency, dispatcher),
                health);
        server.start();
        health.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, ServingStatus.SERVING);
        health.setStatus(AgencyAdapterGrpc.SERVICE_NAME, ServingStatus.SERVING);
        LOG.info(
                "agency={} listening on {}:{} operations={} signers={} callers={}",
                agency.name(),
                config.bind().getHostString(),
                server.getPort(),
                agency.operationNames(),
                agency.signers(),
                config.allowedCallers());
        return new AdapterServer(config, server, health, agency);
    }

    /** The first operation of this type the agency serves (its registers, for a test to read). */
    public <T> java.util.Optional<T> operation(Class<T> type) {
        return definition.operations().stream()
                .filter(type::isInstance)
                .map(type::cast)
                .findFirst();
    }

    /** The port actually bound (the ephemeral one when configured with port 0). */
    public int port() {
        return server.getPort();
    }

    /** The agency this adapter serves, e.g. gbd-fl. */
    public String agency() {
        return config.agency();
    }

    /** The address actually bound. */
    public InetSocketAddress address() {
        return new InetSocketAddress(config.bind().getAddress(), port());
    }

    /**
     * Stops gracefully: health turns NOT_SERVING so the gateway stops routing here, new calls
     * are refused, in-flight calls get up to {@link AdapterConfig#shutdownGrace()} to finish,
     * then whatever remains is cancelled. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        health.enterTerminalState();
        server.shutdown();
        try {
            if (!server.awaitTermination(config.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("agency={} calls still running after {}: cancelling them", agency(), config.shutdownGrace());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.shutdownNow();
        }
        LOG.info("agency={} stopped", agency());
    }

    /** Blocks until the server has terminated (after {@link #close()} from another thread). */
    public void awaitTermination() throws InterruptedException {
        server.awaitTermination();
    }
}
