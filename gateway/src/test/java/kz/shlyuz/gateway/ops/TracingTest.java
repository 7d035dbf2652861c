package kz.shlyuz.gateway.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.client.GatewayClient;
import kz.shlyuz.gateway.config.OpsSettings;
import kz.shlyuz.proto.v1.GatewayGrpc;
import kz.shlyuz.proto.v1.RequestContent;
import kz.shlyuz.proto.v1.SignedRequest;
import org.junit.jupiter.api.Test;

/**
 * A caller's W3C trace context is followed through the gateway to the agency adapter: the same
 * trace id is in the gateway's log lines of the call (with its message id) and in the adapter's,
 * and the gateway's spans (admission, verification, agency, journal, seal) reach an OTLP endpoint.
 */
class TracingTest {
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Test
    void aCallersTraceIdReachesTheAdapterAndEveryLogLineOfTheCall() throws Exception {
        ByteArrayOutputStream exported = new ByteArrayOutputStream();
        HttpServer collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4);
        collector.createContext("/v1/traces", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                synchronized (exported) {
                    exported.write(body);
                }
                exchange.sendResponseHeaders(200, -1);
            }
        });
        collector.start();
        URI endpoint = URI.create("http://127.0.0.1:" + collector.getAddress().getPort() + "/v1/traces");
        SignedRequest request;
        try (LogCapture logs = new LogCapture()) {
            try (OpsEnvironment env = new OpsEnvironment(
                    Clock.systemUTC(),
                    c -> c.withOps(c.ops().withTracing(new OpsSettings.Tracing(endpoint, "shlyuz-test", 1.0))))) {
                GatewayClient portal = env.client("egov-portal");
                request = env.addressRequest(Persona.CLEAN, Persona.CLEAN.key());
                Metadata headers = new Metadata();
                headers.put(
                        Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER),
                        "00-" + TRACE_ID + "-00f067aa0ba902b7-01");
                GatewayGrpc.newBlockingStub(portal.channel())
                        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                        .call(request);
            }
            String messageId = RequestContent.parseFrom(request.getContent()).getMessageId();
            List<JsonNode> lines = logs.json();
            List<JsonNode> ofTrace = lines.stream()
                    .filter(l -> TRACE_ID.equals(l.path("traceId").asText()))
                    .toList();
            assertTrue(
                    ofTrace.stream()
                            .anyMatch(l -> l.path("logger").asText().endsWith("SyncCallHandler")
                                    && messageId.equals(l.path("messageId").asText())
                                    && "egov-portal".equals(l.path("sender").asText())
                                    && "ADDRESS_CERTIFICATE"
                                            .equals(l.path("service").asText())),
                    "the gateway's call line: " + ofTrace);
            assertTrue(
                    ofTrace.stream()
                            .anyMatch(l -> l.path("logger").asText().endsWith(".requests")
                                    && l.path("message").asText().startsWith("agency=gbd-fl ")),
                    "the adapter's line: " + ofTrace);
            for (JsonNode line : lines) {
                if (messageId.equals(line.path("messageId").asText())) {
                    assertEquals(TRACE_ID, line.path("traceId").asText(), "every line of the call: " + line);
                }
            }
        } finally {
            collector.stop(0);
        }
        String spans = exported.toString(StandardCharsets.ISO_8859_1);
        for (String name : List.of(
                "shlyuz.v1.Gateway/Call",
                "shlyuz.admission",
                "shlyuz.verification",
                "shlyuz.agency",
                "shlyuz.v1.AgencyAdapter/Handle",
                "shlyuz.journal",
                "shlyuz.seal")) {
            assertTrue(spans.contains(name), "span " + name + " exported");
        }
        assertTrue(
                spans.contains(new String(HexFormat.of().parseHex(TRACE_ID), StandardCharsets.ISO_8859_1)),
                "the spans belong to the caller's trace");
        assertTrue(spans.contains("shlyuz-test"), "the service name is exported");
    }
}
