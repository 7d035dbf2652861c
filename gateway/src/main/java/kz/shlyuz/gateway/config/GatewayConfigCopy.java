package kz.shlyuz.gateway.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * A {@link GatewayConfig}'s components as settable fields: every {@code with…} method copies the
 * record through this one place and changes one field, so a new component is added here once (a
 * field, a line in the constructor, an argument in {@link #build}) rather than in every copy.
 */
final class GatewayConfigCopy {
    String host;
    int port;
    Path dataDir;
    GatewayConfig.Limits limits;
    GatewayConfig.JournalSettings journal;
    Map<String, SenderPolicy> senders;
    Map<String, AdapterEndpoint> adapters;
    boolean strictCheckDigits;
    SignerRules signerRules;
    Bounds bounds;
    EdgeSettings edge;
    EvidenceSettings evidence;
    OpsSettings ops;
    ProcessSettings process;
    ConsoleSettings console;
    RecordsSettings records;

    GatewayConfigCopy(GatewayConfig config) {
        host = config.host();
        port = config.port();
        dataDir = config.dataDir();
        limits = config.limits();
        journal = config.journal();
        senders = config.senders();
        adapters = config.adapters();
        strictCheckDigits = config.strictCheckDigits();
        signerRules = config.signerRules();
        bounds = config.bounds();
        edge = config.edge();
        evidence = config.evidence();
        ops = config.ops();
        process = config.process();
        console = config.console();
        records = config.records();
    }

    GatewayConfig build() {
        return new GatewayConfig(
                host,
                port,
                dataDir,
                limits,
                journal,
                senders,
                adapters,
                strictCheckDigits,
                signerRules,
                bounds,
                edge,
                evidence,
                ops,
                process,
                console,
                records);
    }
}
