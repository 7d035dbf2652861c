package kz.shlyuz.gateway.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Everything the gateway is configured with. Built once by {@link ConfigLoader}; anything a
 * sender or adapter is not explicitly given here is refused.
 *
 * @param senders the front-end systems allowed to connect, by TLS client certificate CN
 * @param adapters where each agency adapter lives and whose signatures its answers must carry
 * @param strictCheckDigits refuse IINs/BINs whose check digit fails (turn off only for national
 *     CA test material, whose numbers do not pass it)
 * @param signerRules trust, revocation policy and which holder roles may sign what
 * @param bounds what one request may cost: signature and content limits, cache bounds
 * @param edge transport and connection limits, rate limits and quotas
 * @param evidence what the evidence archive keeps, its chain stamping, encryption and retention
 * @param ops the admin listener, tracing and health settings
 * @param process how cases run: the retry policy of agency calls
 * @param console the operator console and management API (issue 14)
 * @param records the records the regulations require: stage reports, destruction by act (issue 11)
 */
public record GatewayConfig(
        String host,
        int port,
        Path dataDir,
        Limits limits,
        JournalSettings journal,
        Map<String, SenderPolicy> senders,
        Map<String, AdapterEndpoint> adapters,
        boolean strictCheckDigits,
        SignerRules signerRules,
        Bounds bounds,
        EdgeSettings edge,
        EvidenceSettings evidence,
        OpsSettings ops,
        ProcessSettings process,
        ConsoleSettings console,
        RecordsSettings records) {

    public GatewayConfig {
        signerRules = signerRules == null ? SignerRules.defaults() : signerRules;
        bounds = bounds == null ? Bounds.defaults() : bounds;
        edge = edge == null ? EdgeSettings.defaults() : edge;
        evidence = evidence == null ? EvidenceSettings.defaults(dataDir) : evidence;
        ops = ops == null ? OpsSettings.defaults() : ops;
        process = process == null ? ProcessSettings.defaults() : process;
        console = console == null ? ConsoleSettings.defaults() : console;
        records = records == null ? RecordsSettings.defaults() : records;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port: " + port + " (expected: 0–65535)");
        }
        // Ordered as configured, so logs and listings read like the file.
        senders = Collections.unmodifiableMap(new LinkedHashMap<>(senders));
        adapters = Collections.unmodifiableMap(new LinkedHashMap<>(adapters));
    }

    /** Without signer rules: the national CA's usual rights, no trust until some is named. */
    public GatewayConfig(
            String host,
            int port,
            Path dataDir,
            Limits limits,
            JournalSettings journal,
            Map<String, SenderPolicy> senders,
            Map<String, AdapterEndpoint> adapters,
            boolean strictCheckDigits) {
        this(host, port, dataDir, limits, journal, senders, adapters, strictCheckDigits, SignerRules.defaults());
    }

    /** With the default bounds, edge settings (the shipped transport limits, no rate limits) and evidence settings. */
    public GatewayConfig(
            String host,
            int port,
            Path dataDir,
            Limits limits,
            JournalSettings journal,
            Map<String, SenderPolicy> senders,
            Map<String, AdapterEndpoint> adapters,
            boolean strictCheckDigits,
            SignerRules signerRules) {
        this(
                host,
                port,
                dataDir,
                limits,
                journal,
                senders,
                adapters,
                strictCheckDigits,
                signerRules,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    public GatewayConfig withBounds(Bounds newBounds) {
        return copy(c -> c.bounds = newBounds);
    }

    public GatewayConfig withEdge(EdgeSettings newEdge) {
        return copy(c -> c.edge = newEdge);
    }

    public GatewayConfig withOps(OpsSettings newOps) {
        return copy(c -> c.ops = newOps);
    }

    public GatewayConfig withProcess(ProcessSettings newProcess) {
        return copy(c -> c.process = newProcess);
    }

    public GatewayConfig withConsole(ConsoleSettings newConsole) {
        return copy(c -> c.console = newConsole);
    }

    public GatewayConfig withRecords(RecordsSettings newRecords) {
        return copy(c -> c.records = newRecords);
    }

    public GatewayConfig withEvidence(EvidenceSettings newEvidence) {
        return copy(c -> c.evidence = newEvidence);
    }

    public GatewayConfig withSignerRules(SignerRules newRules) {
        return copy(c -> c.signerRules = newRules);
    }

    /** This configuration with what {@code change} sets on a copy of its components. */
    private GatewayConfig copy(Consumer<GatewayConfigCopy> change) {
        GatewayConfigCopy copy = new GatewayConfigCopy(this);
        change.accept(copy);
        return copy.build();
    }

    /** Size limits, time windows and deadlines. */
    public record Limits(
            int maxRequestBytes,
            Duration messageFreshness,
            Duration agencyDeadline,
            Duration shutdownGrace,
            int maxConcurrentCallsPerConnection) {
        public Limits {
            if (maxRequestBytes <= 0) {
                throw new IllegalArgumentException("maxRequestBytes: " + maxRequestBytes + " (expected: > 0)");
            }
            requirePositive("messageFreshness", messageFreshness);
            requirePositive("agencyDeadline", agencyDeadline);
            requirePositive("shutdownGrace", shutdownGrace);
        }

        private static void requirePositive(String name, Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + ": " + d + " (expected: > 0)");
            }
        }
    }

    /** The JDBC journal: H2 by default, PostgreSQL for several nodes. */
    public record JournalSettings(String jdbcUrl, String user, String password, int poolSize) {
        @Override
        public String toString() {
            return "JournalSettings[jdbcUrl=" + jdbcUrl + ", user=" + user + ", poolSize=" + poolSize + "]";
        }
    }

    public Optional<SenderPolicy> sender(String systemId) {
        return Optional.ofNullable(senders.get(systemId));
    }

    public Optional<AdapterEndpoint> adapter(String name) {
        return Optional.ofNullable(adapters.get(name));
    }

    public GatewayConfig withPort(int newPort) {
        return copy(c -> c.port = newPort);
    }

    public GatewayConfig withAdapters(Map<String, AdapterEndpoint> newAdapters) {
        return copy(c -> c.adapters = newAdapters);
    }

    /** The same configuration with one sender's policy replaced (or added). */
    public GatewayConfig withSender(String systemId, SenderPolicy policy) {
        Map<String, SenderPolicy> newSenders = new java.util.LinkedHashMap<>(senders);
        newSenders.put(systemId, policy);
        return copy(c -> c.senders = newSenders);
    }

    public GatewayConfig withJournal(JournalSettings newJournal) {
        return copy(c -> c.journal = newJournal);
    }

    public GatewayConfig withLimits(Limits newLimits) {
        return copy(c -> c.limits = newLimits);
    }
}
