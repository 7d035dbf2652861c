package kz.shlyuz.gateway.ops;

import static kz.shlyuz.gateway.ops.AdminHttp.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.client.GatewayClient;
import kz.shlyuz.client.RequestBuilder;
import kz.shlyuz.gateway.AdvanceableClock;
import kz.shlyuz.gateway.journal.JournalEntry;
import kz.shlyuz.proto.v1.AddressCertificateRequest;
import kz.shlyuz.proto.v1.GatewayGrpc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The admin listener of a real gateway after real calls through mutual TLS: {@code /metrics}
 * agrees with the journal, the per-service health data, and readiness following a stopped adapter
 * within its cache window on the gateway's clock (no sleeps: the test moves the clock).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MetricsAndReadinessTest {
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private final AdvanceableClock clock = new AdvanceableClock();
    private OpsEnvironment env;
    private GatewayClient portal;

    @BeforeAll
    void start() throws Exception {
        env = new OpsEnvironment(clock, c -> c);
        portal = env.client("egov-portal");
        portal.call(env.addressRequest(Persona.CLEAN, Persona.CLEAN.key()));
        portal.call(env.addressRequest(Persona.TAX_DEBTOR, Persona.TAX_DEBTOR.key()));
        // Refusals: a signer who is not the applicant, a revoked certificate, a service nobody offers.
        assertThrows(
                StatusRuntimeException.class,
                () -> portal.call(env.addressRequest(Persona.CLEAN, Persona.TAX_DEBTOR.key())));
        assertThrows(
                StatusRuntimeException.class, () -> portal.call(env.addressRequest(Persona.CLEAN, "test-revoked")));
        assertThrows(
                StatusRuntimeException.class,
                () -> portal.call(env.requests.sign(
                        RequestBuilder.content(
                                "egov-portal",
                                "NO_SUCH_SERVICE",
                                AddressCertificateRequest.newBuilder()
                                        .setIin(Persona.CLEAN.iin().value())
                                        .build(),
                                clock.instant()),
                        List.of(env.pki.signerKey(Persona.CLEAN.key())))));
    }

    @AfterAll
    void stop() {
        env.close();
    }

    @Test
    @Order(1)
    void requestCountersAgreeWithTheJournalByServiceSenderOutcomeAndReason() {
        Map<String, Double> expected = new TreeMap<>();
        for (JournalEntry e : env.gateway.journal().recent(1000)) {
            String service =
                    e.serviceId() != null && e.serviceId().equals("ADDRESS_CERTIFICATE") ? e.serviceId() : "other";
            String key = "outcome=" + e.outcome() + ",reason=" + (e.reason() == null ? "none" : e.reason()) + ",sender="
                    + e.sender() + ",service=" + service;
            expected.merge(key, 1.0, Double::sum);
        }
        Map<String, Double> actual = new TreeMap<>();
        env.admin.metrics().forEach((sample, value) -> {
            if (sample.startsWith("shlyuz_requests_total{")) {
                Map<String, String> labels = new TreeMap<>();
                Matcher m = LABEL.matcher(sample);
                while (m.find()) {
                    labels.put(m.group(1), m.group(2));
                }
                actual.merge(
                        "outcome=" + labels.get("outcome") + ",reason=" + labels.get("reason") + ",sender="
                                + labels.get("sender") + ",service=" + labels.get("service"),
                        value,
                        Double::sum);
            }
        });
        assertEquals(expected, actual);
        assertEquals(
                5.0, actual.values().stream().mapToDouble(Double::doubleValue).sum(), "five calls journaled");
        assertEquals(2.0, actual.get("outcome=ANSWERED,reason=none,sender=egov-portal,service=ADDRESS_CERTIFICATE"));
        assertEquals(
                1.0, actual.get("outcome=REFUSED,reason=CERT_REVOKED,sender=egov-portal,service=ADDRESS_CERTIFICATE"));
        assertEquals(1.0, actual.get("outcome=REFUSED,reason=SERVICE_UNKNOWN,sender=egov-portal,service=other"));
    }

    @Test
    @Order(2)
    void callPartsGrpcTrafficExpiriesAndTheJvmAreExported() {
        Map<String, Double> m = env.admin.metrics();
        for (String stage : List.of("admission", "verification", "agency", "journal", "seal")) {
            assertTrue(sum(m, "shlyuz_call_stage_duration_seconds_count", "stage=\"" + stage + "\"") >= 2, stage);
        }
        assertEquals(5.0, sum(m, "shlyuz_call_duration_seconds_count"));
        assertEquals(
                2.0,
                sum(
                        m,
                        "shlyuz_grpc_server_duration_seconds_count",
                        "method=\"shlyuz.v1.Gateway/Call\"",
                        "status=\"OK\""));
        assertEquals(1.0, sum(m, "shlyuz_grpc_server_duration_seconds_count", "status=\"PERMISSION_DENIED\""));
        assertTrue(sum(m, "shlyuz_grpc_client_duration_seconds_count", "agency=\"gbd-fl\"", "status=\"OK\"") >= 2);
        assertTrue(sum(m, "shlyuz_tsa_requests_seconds_count", "result=\"ok\"") >= 2, "gateway signatures stamped");
        assertTrue(sum(m, "shlyuz_ocsp_cache_total") + sum(m, "shlyuz_crl_checks_total") >= 2, "revocation counted");
        assertTrue(sum(m, "shlyuz_certificate_expiry_days", "kind=\"trust_anchor\"") > 0);
        assertTrue(sum(m, "shlyuz_certificate_expiry_days", "kind=\"gateway_signing\"") > 0);
        assertTrue(sum(m, "shlyuz_certificate_expiry_days", "kind=\"gateway_tls\"") > 0);
        assertTrue(m.keySet().stream().anyMatch(k -> k.startsWith("shlyuz_crl_next_update_days{")));
        assertTrue(m.containsKey("shlyuz_outbox_depth"));
        assertTrue(m.containsKey("shlyuz_outbox_oldest_age_seconds"));
        assertEquals(0.0, m.get("shlyuz_maintenance"));
        assertTrue(sum(m, "shlyuz_jvm_memory_used_bytes") > 0);
        assertTrue(m.containsKey("shlyuz_process_uptime_seconds"));
        assertFalse(m.keySet().stream().anyMatch(k -> !k.startsWith("shlyuz_")), "every metric is prefixed shlyuz_");
    }

    @Test
    @Order(3)
    void perServiceHealthDataHaveLastSuccessFailureCountsAndDurations() {
        AdminHttp.Answer answer = env.admin.get("/health/services");
        assertEquals(200, answer.status());
        JsonNode address = null;
        for (JsonNode s : answer.json().path("services")) {
            if (s.path("service").asText().equals("ADDRESS_CERTIFICATE")) {
                address = s;
            }
        }
        assertNotNull(address, answer.body());
        assertEquals(2, address.path("successCount").asLong());
        assertEquals(2, address.path("failureCount").asLong());
        assertFalse(address.path("lastSuccess").isNull());
        assertFalse(address.path("lastFailure").isNull());
        double min = address.path("minMillis").asDouble();
        double avg = address.path("avgMillis").asDouble();
        double max = address.path("maxMillis").asDouble();
        assertTrue(min > 0 && min <= avg && avg <= max, answer.body());
        // Ten minutes later the window is empty, the last success and failure remain.
        clock.advance(Duration.ofMinutes(11));
        JsonNode later = env.admin.get("/health/services").json().path("services");
        for (JsonNode s : later) {
            if (s.path("service").asText().equals("ADDRESS_CERTIFICATE")) {
                assertEquals(0, s.path("successCount").asLong());
                assertFalse(s.path("lastSuccess").isNull());
            }
        }
    }

    @Test
    @Order(4)
    void readinessFollowsAStoppedAdapterWithinTheCacheWindowAndGrpcHealthWithIt() throws Exception {
        clock.advance(Duration.ofMinutes(1)); // whatever was cached has run out
        AdminHttp.Answer ready = env.admin.get("/health/ready");
        assertEquals(200, ready.status(), ready.body());
        JsonNode deps = ready.json().path("dependencies");
        for (String d : List.of("database", "trust", "revocation", "adapter:gbd-fl", "adapter:gbd-ul")) {
            assertEquals("UP", deps.path(d).path("state").asText(), d + " in " + ready.body());
        }
        assertTrue(ready.json().path("weakenedChecks").toString().contains("trust.devPki"), ready.body());
        assertEquals(200, env.admin.get("/health/live").status());

        env.stopAdapter("gbd-ul");
        assertEquals(200, env.admin.get("/health/ready").status(), "within the 2 s a healthy result is reused");
        clock.advance(Duration.ofMillis(2001));
        AdminHttp.Answer down = env.admin.get("/health/ready");
        assertEquals(503, down.status(), down.body());
        assertEquals(
                "DOWN",
                down.json()
                        .path("dependencies")
                        .path("adapter:gbd-ul")
                        .path("state")
                        .asText());
        assertEquals(
                "UP",
                down.json()
                        .path("dependencies")
                        .path("adapter:gbd-fl")
                        .path("state")
                        .asText());
        var health = HealthGrpc.newBlockingStub(portal.channel());
        assertEquals(
                ServingStatus.NOT_SERVING,
                health.check(HealthCheckRequest.newBuilder()
                                .setService(GatewayGrpc.SERVICE_NAME)
                                .build())
                        .getStatus());
        JsonNode status = env.admin.get("/status").json();
        assertEquals("NOT_READY", status.path("readiness").path("status").asText());
        assertEquals(
                "DOWN",
                status.path("readiness")
                        .path("dependencies")
                        .path("adapter:gbd-ul")
                        .path("state")
                        .asText());

        env.startAdapter("gbd-ul");
        clock.advance(Duration.ofSeconds(3));
        assertEquals(503, env.admin.get("/health/ready").status(), "a failure is reused for 30 s");
        clock.advance(Duration.ofSeconds(30));
        assertEquals(200, env.admin.get("/health/ready").status());
        assertEquals(
                ServingStatus.SERVING,
                health.check(HealthCheckRequest.newBuilder()
                                .setService(GatewayGrpc.SERVICE_NAME)
                                .build())
                        .getStatus());
    }
}
