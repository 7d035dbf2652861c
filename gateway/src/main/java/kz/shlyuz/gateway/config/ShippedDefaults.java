package kz.shlyuz.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import kz.shlyuz.certs.agency.Agency;
import kz.shlyuz.gateway.services.Services;

/**
 * The parts of the shipped {@code defaults.json} that are not written in it but derived, so that
 * a service or an agency is declared in one place: each sender's {@code services} come from the
 * service definitions ({@link Services}, which senders may use a service by default), and the
 * {@code adapters} from the agency registry ({@link Agency}: each on {@code 127.0.0.1} at its
 * default port, with the BINs of the ministries that sign its answers). An operator's file is
 * read as written: it names its senders' services and its adapters itself.
 */
final class ShippedDefaults {
    private static final String LOOPBACK = "127.0.0.1";

    private ShippedDefaults() {}

    /** {@code root} (the shipped file) with the derived parts filled in where it leaves them out. */
    static JsonNode complete(JsonNode root) {
        ObjectNode completed = ((ObjectNode) root).deepCopy();
        JsonNode senders = completed.path("senders");
        for (Iterator<Map.Entry<String, JsonNode>> it = senders.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> sender = it.next();
            if (!sender.getKey().startsWith("_")
                    && sender.getValue() instanceof ObjectNode policy
                    && !policy.has("services")) {
                ArrayNode services = policy.putArray("services");
                Services.standard().defaultServicesOf(sender.getKey()).forEach(services::add);
            }
        }
        if (!completed.has("adapters")) {
            ObjectNode adapters = completed.putObject("adapters");
            for (Agency agency : Agency.values()) {
                ObjectNode endpoint = adapters.putObject(agency.id());
                endpoint.put("address", LOOPBACK + ":" + agency.defaultPort());
                ArrayNode bins = endpoint.putArray("signerBins");
                agency.requiredSignerBins().stream().sorted().forEach(bins::add);
            }
        }
        return completed;
    }
}
