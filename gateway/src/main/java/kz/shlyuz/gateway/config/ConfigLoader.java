package kz.shlyuz.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import kz.shlyuz.proto.seal.AnswerForm;

/**
 * Reads a {@link GatewayConfig} from JSON: the shipped {@code defaults.json} or an operator's file.
 * Every value is validated here, at start-up, with a message that names the field.
 */
public final class ConfigLoader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConfigLoader() {}

    /**
     * The configuration shipped with the gateway: {@code defaults.json} with the senders' services
     * and the adapters derived from the service and agency registries ({@link ShippedDefaults}).
     */
    public static GatewayConfig defaults() {
        return defaults(null);
    }

    /** The shipped configuration with its data directory replaced (when not null). */
    public static GatewayConfig defaults(Path dataDir) {
        try (InputStream in = ConfigLoader.class.getResourceAsStream("defaults.json")) {
            return parse(ShippedDefaults.complete(JSON.readTree(in)), dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped defaults.json", e);
        }
    }

    /** An operator's configuration file, with its data directory replaced (when not null). */
    public static GatewayConfig load(Path file, Path dataDir) {
        try {
            return parse(JSON.readTree(Files.readAllBytes(file)), dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read configuration " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The shipped configuration as a JSON tree, complete — {@code defaults.json} with the senders'
     * services and the adapters derived from the registries — before environment overrides are laid
     * on it. Written to a file, it is a configuration that loads as the shipped one does.
     */
    public static JsonNode defaultsTree() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream("defaults.json")) {
            return ShippedDefaults.complete(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped defaults.json", e);
        }
    }

    /** A configuration from a JSON tree already read (and possibly overridden), validated as a file is. */
    public static GatewayConfig fromTree(JsonNode root, Path dataDir) {
        return parse(root, dataDir);
    }

    static GatewayConfig parse(JsonNode root, Path dataDirOverride) {
        JsonNode listen = required(root, "listen");
        Path dataDir = dataDirOverride != null ? dataDirOverride : Path.of(text(root, "dataDir", "data"));
        JsonNode limits = required(root, "limits");
        GatewayConfig.Limits parsedLimits = new GatewayConfig.Limits(
                limits.path("maxRequestBytes").asInt(1 << 20),
                duration(limits, "messageFreshness", "PT5M"),
                duration(limits, "agencyDeadline", "PT5S"),
                duration(limits, "shutdownGrace", "PT10S"),
                limits.path("maxConcurrentCallsPerConnection").asInt(256));
        JsonNode journal = required(root, "journal");
        GatewayConfig.JournalSettings journalSettings = new GatewayConfig.JournalSettings(
                text(journal, "jdbcUrl", "jdbc:h2:file:${dataDir}/journal")
                        .replace(
                                "${dataDir}",
                                dataDir.toAbsolutePath().toString().replace('\\', '/')),
                text(journal, "user", "shlyuz"),
                text(journal, "password", ""),
                journal.path("poolSize").asInt(8));

        Map<String, SenderPolicy> senders = new LinkedHashMap<>();
        // Keys starting with "_" are comments, as elsewhere in the file.
        required(root, "senders").fields().forEachRemaining(e -> {
            if (!e.getKey().startsWith("_")) {
                senders.put(
                        e.getKey(),
                        new SenderPolicy(
                                strings(e.getValue().path("services")),
                                strings(e.getValue().path("operatorBins")),
                                answerForms(e.getKey(), e.getValue().path("answerForms"))));
            }
        });
        Map<String, AdapterEndpoint> adapters = new LinkedHashMap<>();
        required(root, "adapters")
                .fields()
                .forEachRemaining(e -> adapters.put(
                        e.getKey(),
                        AdapterEndpoint.parse(
                                text(e.getValue(), "address", ""),
                                strings(e.getValue().path("signerBins")))));

        return new GatewayConfig(
                text(listen, "host", "127.0.0.1"),
                listen.path("port").asInt(8443),
                dataDir,
                parsedLimits,
                journalSettings,
                senders,
                adapters,
                root.path("identity").path("strictCheckDigits").asBoolean(true),
                signerRules(root),
                Bounds.parse(root.path("bounds")),
                EdgeSettingsLoader.parse(root),
                kz.shlyuz.gateway.config.EvidenceSettings.parse(root.get("evidence"), dataDir),
                OpsSettings.parse(root),
                ProcessSettings.parse(root),
                ConsoleSettings.parse(root),
                RecordsSettings.parse(root));
    }

    /** {@code trust} and {@code holderRoles}; absent parts keep {@link SignerRules#defaults()}. */
    static SignerRules signerRules(JsonNode root) {
        SignerRules defaults = SignerRules.defaults();
        JsonNode trust = root.path("trust");
        java.util.List<Path> dirs = new java.util.ArrayList<>();
        trust.path("dirs").forEach(d -> dirs.add(Path.of(d.asText())));
        String revocation = text(trust, "revocation", "require");
        if (!revocation.equals("require") && !revocation.equals("soft-fail")) {
            throw new IllegalArgumentException("trust.revocation: " + revocation + " (expected: require or soft-fail)");
        }
        JsonNode holderRoles = root.path("holderRoles");
        SignerRules.Roles roles = roles(holderRoles, "holderRoles", defaults.roles());
        Map<String, SignerRules.Roles> services = new LinkedHashMap<>();
        holderRoles
                .path("services")
                .fields()
                .forEachRemaining(e ->
                        services.put(e.getKey(), roles(e.getValue(), "holderRoles.services." + e.getKey(), roles)));
        // Trust is explicit (issue 9): the dev PKI only when the configuration says so.
        return new SignerRules(
                dirs,
                trust.path("devPki").asBoolean(false),
                duration(trust, "recheck", defaults.trustRecheck().toString()),
                revocation.equals("soft-fail"),
                roles,
                services,
                OcspConfig.parse(root));
    }

    private static SignerRules.Roles roles(JsonNode node, String where, SignerRules.Roles fallback) {
        return new SignerRules.Roles(
                holderRoles(node, "individualApplicant", where, fallback.individualApplicant()),
                holderRoles(node, "legalEntityApplicant", where, fallback.legalEntityApplicant()),
                holderRoles(node, "operator", where, fallback.operator()));
    }

    private static Set<kz.shlyuz.certs.identity.HolderRole> holderRoles(
            JsonNode node, String field, String where, Set<kz.shlyuz.certs.identity.HolderRole> fallback) {
        JsonNode array = node.get(field);
        if (array == null || array.isNull()) {
            return fallback;
        }
        Set<kz.shlyuz.certs.identity.HolderRole> roles = new HashSet<>();
        for (JsonNode value : array) {
            try {
                roles.add(kz.shlyuz.certs.identity.HolderRole.valueOf(value.asText()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        where + "." + field + ": " + value.asText() + " (expected one of "
                                + java.util.Arrays.toString(kz.shlyuz.certs.identity.HolderRole.values()) + ")",
                        e);
            }
        }
        return roles;
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isObject()) {
            throw new IllegalArgumentException(field + ": missing (expected: an object)");
        }
        return value;
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? fallback : value.asText();
    }

    private static Duration duration(JsonNode node, String field, String fallback) {
        return ConfigValues.duration(node, "", field, Duration.parse(fallback), "PT5S");
    }

    /** {@code senders.<id>.answerForms}: names of {@link AnswerForm}s; a name we do not know is an error. */
    private static Set<AnswerForm> answerForms(String sender, JsonNode array) {
        Set<AnswerForm> forms = new HashSet<>();
        for (String name : strings(array)) {
            forms.add(AnswerForm.named(name)
                    .orElseThrow(() -> new IllegalArgumentException("senders." + sender + ".answerForms: unknown form "
                            + name + " (expected: countersignature, batch-seal)")));
        }
        return forms;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
