package kz.shlyuz.gateway.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** /api/openapi.json describes every route of the API and no route that is not there. */
class OpenApiDocumentTest {

    @Test
    void describesEveryRouteAndNothingElse() throws Exception {
        JsonNode doc;
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream(ApiServlet.OPENAPI)) {
            doc = new ObjectMapper().readTree(in);
        }
        Set<String> described = new TreeSet<>();
        doc.path("paths")
                .fields()
                .forEachRemaining(p -> p.getValue()
                        .fieldNames()
                        .forEachRemaining(m -> described.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey())));
        Set<String> routed = new TreeSet<>();
        ConsoleServices none = new ConsoleServices(null, null, null, null, null, null, null, null, null, null);
        for (Route r : new ApiRoutes(none, new Actions(none)).routes()) {
            routed.add(r.method() + " " + r.template());
        }
        assertEquals(routed, described);
    }

    @Test
    void matchesTemplatesByTheirFixedPartsAndTakesTheVariables() {
        Route r = new Route("GET", "/api/v1/messages/{id}/evidence", null, false, c -> null);
        assertEquals(java.util.Map.of("id", "m 1"), r.match("/api/v1/messages/m%201/evidence"));
        assertEquals(null, r.match("/api/v1/messages/m1"));
        assertEquals(null, r.match("/api/v1/messages//evidence"));
    }
}
