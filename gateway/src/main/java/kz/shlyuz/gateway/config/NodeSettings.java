package kz.shlyuz.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * This node among several on one database: the configuration's {@code node} object (environment
 * {@code SHLYUZ_NODE_ID}, {@code SHLYUZ_NODE_LEASE}). {@code ./shlyuz serve --node-id} overrides the id.
 *
 * @param id the node's name, stable across its restarts: it names the outbox and timer rows the
 *     node has leased, and its evidence chain unless {@code evidence.nodeId} says otherwise; null:
 *     {@link #defaultId derived} from the host name and the gateway port
 * @param lease how long a row this node took stays its own; after a crash the other nodes take
 *     its work over when the lease runs out (default 10 s; renewed by a heartbeat every third of it while a row is in flight)
 */
public record NodeSettings(String id, Duration lease) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,62}");

    public NodeSettings {
        if (id != null) {
            requireValidId("node.id", id);
        }
        if (lease == null || lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("node.lease: " + lease + " (expected: > 0, e.g. PT30S)");
        }
    }

    public static NodeSettings defaults() {
        return new NodeSettings(null, Duration.ofSeconds(10));
    }

    /** Refuses a node id other nodes could not tell apart in logs and rows. */
    public static String requireValidId(String what, String id) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException(what + ": '" + id + "' (expected: 1–63 letters, digits and . _ : -,"
                    + " starting with a letter or digit)");
        }
        return id;
    }

    /** The id in effect: the configured one, else {@link #defaultId}. */
    public String idOr(String fallback) {
        return id != null ? id : fallback;
    }

    /**
     * A node id unique per node on one machine and across machines: the host name and the gateway
     * port; with port 0 (a free one picked at start) the process id stands in for the port.
     */
    public static String defaultId(int port) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        String clean = host.replaceAll("[^A-Za-z0-9._-]", "-");
        if (clean.isEmpty() || !Character.isLetterOrDigit(clean.charAt(0))) {
            clean = "node" + clean;
        }
        String suffix =
                port != 0 ? "-" + port : "-pid" + ProcessHandle.current().pid();
        return clean.substring(0, Math.min(clean.length(), 62 - suffix.length())) + suffix;
    }

    /** Reads {@code root.node}; what is absent keeps {@link #defaults()}. */
    public static NodeSettings parse(JsonNode root) {
        JsonNode node = root.path("node");
        JsonNode id = node.path("id");
        String idText = id.isMissingNode() || id.isNull() || id.asText().isBlank() ? null : id.asText();
        JsonNode lease = node.path("lease");
        Duration leaseValue = defaults().lease();
        if (!lease.isMissingNode() && !lease.isNull()) {
            try {
                leaseValue = Duration.parse(lease.asText());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(
                        "node.lease: " + lease.asText() + " (expected: ISO-8601 duration such as PT30S)", e);
            }
        }
        return new NodeSettings(idText, leaseValue);
    }
}
