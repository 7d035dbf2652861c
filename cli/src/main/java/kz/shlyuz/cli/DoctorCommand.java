package kz.shlyuz.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./shlyuz doctor [--json]}: asks a running gateway's admin listener what an operator on
 * call needs first — version, configuration summary with every weakened check, trust anchors and
 * expiry, OCSP/CRL/TSA last and next update and latency, each adapter's reachability and latency,
 * the database (reachable, migration version, size), disk space of the data folder. Exit status
 * 0 when all is well, 1 when something deserves attention (a weakened check, something degraded
 * or expiring within 30 days, low disk, maintenance on), 2 when the node cannot serve.
 */
@Command(
        name = "doctor",
        mixinStandardHelpOptions = true,
        description =
                "Diagnose a running gateway through its admin listener; non-zero exit when something needs attention.")
final class DoctorCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    AdminOptions adminOptions = new AdminOptions();

    @Option(names = "--json", description = "Print the report as JSON (with an 'attention' list).")
    boolean json;

    /** What needs attention, most serious first. */
    record Finding(boolean blocking, String text) {}

    @Override
    public Integer call() throws Exception {
        AdminClient client = adminOptions.client();
        JsonNode status;
        try {
            status = client.get("status").body();
        } catch (IOException e) {
            System.out.println("doctor: cannot reach the admin listener at " + client.base() + " (" + e.getMessage()
                    + "). Is the gateway running? Is ops.admin enabled?");
            return 2;
        }
        List<Finding> findings = findings(status);
        if (json) {
            ObjectNode out = status.deepCopy();
            var attention = out.putArray("attention");
            findings.forEach(
                    f -> attention.addObject().put("blocking", f.blocking()).put("text", f.text()));
            System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(out));
        } else {
            print(status, findings);
        }
        return findings.stream().anyMatch(Finding::blocking) ? 2 : findings.isEmpty() ? 0 : 1;
    }

    static List<Finding> findings(JsonNode status) {
        List<Finding> out = new ArrayList<>();
        JsonNode readiness = status.path("readiness");
        if (!"READY".equals(readiness.path("status").asText())) {
            out.add(new Finding(true, "the node is NOT READY (readiness 503)"));
        }
        if (readiness.has("fatal")) {
            out.add(new Finding(
                    true,
                    "fatal: " + readiness.path("fatal").path("thread").asText() + " died: "
                            + readiness.path("fatal").path("error").asText()));
        }
        for (Map.Entry<String, JsonNode> d : iterable(readiness.path("dependencies"))) {
            String state = d.getValue().path("state").asText();
            if (state.equals("DOWN")) {
                out.add(new Finding(
                        d.getValue().path("required").asBoolean(),
                        d.getKey() + " is DOWN: " + d.getValue().path("detail").asText()));
            } else if (state.equals("DEGRADED")) {
                out.add(new Finding(
                        false,
                        d.getKey() + " is degraded: "
                                + d.getValue().path("detail").asText()));
            }
        }
        if (status.path("maintenance").path("on").asBoolean()) {
            out.add(new Finding(false, "maintenance mode is on"));
        }
        status.path("weakenedChecks").forEach(w -> out.add(new Finding(false, "weakened check " + w.asText())));
        for (String list : new String[] {"certificates", "crls"}) {
            status.path(list).forEach(c -> {
                if (c.path("attention").asBoolean()) {
                    out.add(new Finding(
                            c.path("days").asLong() < 0,
                            c.path("kind").asText() + " "
                                    + c.path("subject").asText()
                                    + (c.path("days").asLong() < 0
                                            ? " has expired"
                                            : " expires in " + c.path("days").asLong() + " days")
                                    + " (" + c.path("expires").asText() + ")"));
                }
            });
        }
        status.path("outsideCalls").forEach(c -> {
            if (c.path("result").asText().equals("failed")) {
                out.add(new Finding(
                        false,
                        "the last " + c.path("kind").asText() + " call to "
                                + c.path("target").asText() + " failed at "
                                + c.path("at").asText()));
            }
        });
        if (status.path("disk").path("attention").asBoolean()) {
            out.add(new Finding(
                    false,
                    "low disk space for " + status.path("disk").path("dataDir").asText()));
        }
        out.sort((a, b) -> Boolean.compare(b.blocking(), a.blocking()));
        return out;
    }

    private static void print(JsonNode s, List<Finding> findings) {
        JsonNode cfg = s.path("config");
        System.out.printf(
                "Shlyuz %s, up since %s%n",
                s.path("version").asText(), s.path("startedAt").asText());
        System.out.printf(
                "readiness: %s%s%n",
                s.path("readiness").path("status").asText(),
                s.path("maintenance").path("on").asBoolean() ? " (maintenance ON)" : "");
        System.out.printf(
                "config: listen %s, data %s, senders %s, trust dirs %s, dev PKI %s, revocation %s, OCSP %s, "
                        + "strict check digits %s, tracing %s%n",
                cfg.path("listen").asText(),
                cfg.path("dataDir").asText(),
                cfg.path("senders"),
                cfg.path("trustDirs"),
                cfg.path("devPkiTrust"),
                cfg.path("revocation").asText(),
                cfg.path("ocsp").asText(),
                cfg.path("strictCheckDigits"),
                cfg.path("tracing").asText());
        System.out.println("dependencies:");
        for (Map.Entry<String, JsonNode> d : iterable(s.path("readiness").path("dependencies"))) {
            System.out.printf(
                    "  %-22s %-8s %s%s%n",
                    d.getKey(),
                    d.getValue().path("state").asText(),
                    d.getValue().path("detail").asText(),
                    d.getValue().has("facts") ? " " + d.getValue().path("facts") : "");
        }
        System.out.println("certificates (days until expiry):");
        s.path("certificates")
                .forEach(c -> System.out.printf(
                        "  %-16s %-40s %6d  %s%n",
                        c.path("kind").asText(),
                        c.path("subject").asText(),
                        c.path("days").asLong(),
                        c.path("expires").asText()));
        System.out.println("CRLs (days until next update):");
        s.path("crls")
                .forEach(c -> System.out.printf(
                        "  %-57s %6d  %s%n",
                        c.path("subject").asText(),
                        c.path("days").asLong(),
                        c.path("expires").asText()));
        System.out.println("OCSP / TSA, last call:");
        if (s.path("outsideCalls").isEmpty()) {
            System.out.println("  none yet");
        }
        s.path("outsideCalls")
                .forEach(c -> System.out.printf(
                        "  %-5s %-36s %-8s at %s, %.1f ms%s%n",
                        c.path("kind").asText(),
                        c.path("target").asText(),
                        c.path("result").asText(),
                        c.path("at").asText(),
                        c.path("micros").asLong() / 1000.0,
                        c.path("nextUpdate").isNull()
                                ? ""
                                : ", next update " + c.path("nextUpdate").asText()));
        JsonNode db = s.path("database");
        JsonNode dbDep = s.path("readiness").path("dependencies").path("database");
        System.out.printf(
                "database: %s, %s, migration %s, size %s%n",
                db.path("kind").asText(),
                dbDep.path("state").asText(),
                dbDep.path("facts").path("migrationVersion").asText("?"),
                db.has("sizeBytes")
                        ? (db.path("sizeBytes").asLong() >> 10) + " KiB"
                        : db.path("sizeError").asText());
        JsonNode disk = s.path("disk");
        System.out.printf(
                "disk: %s, %d MiB free of %d MiB%n",
                disk.path("dataDir").asText(),
                disk.path("usableBytes").asLong() >> 20,
                disk.path("totalBytes").asLong() >> 20);
        System.out.printf("calls in flight: %d%n", s.path("inFlightCalls").asInt());
        if (findings.isEmpty()) {
            System.out.println("OK: nothing needs attention");
        } else {
            System.out.println("needs attention:");
            findings.forEach(f -> System.out.println("  " + (f.blocking() ? "PROBLEM " : "WARNING ") + f.text()));
        }
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }
}
