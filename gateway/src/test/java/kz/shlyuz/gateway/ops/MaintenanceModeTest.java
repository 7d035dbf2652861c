package kz.shlyuz.gateway.ops;

import static kz.shlyuz.gateway.ops.AdminHttp.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.client.GatewayClient;
import kz.shlyuz.client.Refusals;
import kz.shlyuz.gateway.journal.JournalEntry;
import kz.shlyuz.proto.v1.ResponseContent;
import kz.shlyuz.proto.v1.SignedResponse;
import org.junit.jupiter.api.Test;

/**
 * Maintenance mode drains a node: a call already running finishes with its answer, a new one is
 * refused with MAINTENANCE (UNAVAILABLE, ШЭП code, Kazakh and Russian), readiness says 503 and gRPC
 * health NOT_SERVING, the refusal is journaled and counted — and turning it off serves again.
 */
class MaintenanceModeTest {
    @Test
    void maintenanceRefusesNewCallsWhileTheCallInFlightFinishes() throws Exception {
        Clock clock = Clock.systemUTC();
        try (HeldOcsp ocsp = new HeldOcsp(kz.shlyuz.gateway.TestPki.get(), clock);
                OpsEnvironment env = new OpsEnvironment(
                        clock,
                        c -> c.withSignerRules(
                                c.signerRules().withOcsp(c.signerRules().ocsp().withResponder(ocsp.uri()))))) {
            GatewayClient portal = env.client("egov-portal");
            CompletableFuture<SignedResponse> inFlight = CompletableFuture.supplyAsync(
                    () -> portal.call(env.addressRequest(Persona.CLEAN, Persona.CLEAN.key())));
            assertTrue(ocsp.awaitHeld(), "the first call reached the revocation check");
            assertEquals(1, env.gateway.operations().inFlightCalls());

            AdminHttp.Answer on = env.admin.post("/maintenance", "on");
            assertEquals(200, on.status(), on.body());
            assertTrue(on.json().path("maintenance").asBoolean());
            assertEquals(1, on.json().path("inFlightCalls").asInt());
            assertEquals(503, env.admin.get("/health/ready").status());
            assertEquals(
                    ServingStatus.NOT_SERVING,
                    HealthGrpc.newBlockingStub(portal.channel())
                            .check(HealthCheckRequest.newBuilder()
                                    .setService("shlyuz.v1.Gateway")
                                    .build())
                            .getStatus());

            StatusRuntimeException refused = assertThrows(
                    StatusRuntimeException.class,
                    () -> portal.call(env.addressRequest(Persona.TAX_DEBTOR, Persona.TAX_DEBTOR.key())));
            Refusals.Refused r = Refusals.read(refused);
            assertEquals(Status.Code.UNAVAILABLE.name(), r.code());
            assertEquals("MAINTENANCE", r.reason());
            assertEquals("SCE909", r.shepCode());
            assertFalse(r.kazakh().isBlank());
            assertTrue(r.russian().contains("обслуживания"), r.russian());
            assertEquals(r.kazakh() + " / " + r.russian(), r.description());

            ocsp.release();
            SignedResponse answer = inFlight.get();
            assertEquals(
                    "ADDRESS_CERTIFICATE",
                    ResponseContent.parseFrom(answer.getContent()).getServiceId(),
                    "the call in flight finished with its answer");

            long maintenanceRows = env.gateway.journal().recent(100).stream()
                    .filter(e -> "MAINTENANCE".equals(e.reason()) && e.outcome() == JournalEntry.Outcome.REFUSED)
                    .count();
            assertEquals(1, maintenanceRows);
            var metrics = env.admin.metrics();
            assertEquals(1.0, sum(metrics, "shlyuz_requests_total", "reason=\"MAINTENANCE\""));
            assertEquals(1.0, metrics.get("shlyuz_maintenance"));
            assertEquals(1.0, sum(metrics, "shlyuz_grpc_server_duration_seconds_count", "status=\"UNAVAILABLE\""));

            AdminHttp.Answer off = env.admin.post("/maintenance", "off");
            assertFalse(off.json().path("maintenance").asBoolean());
            assertEquals(200, env.admin.get("/health/ready").status());
            portal.call(env.addressRequest(Persona.TAX_DEBTOR, Persona.TAX_DEBTOR.key()));
            assertEquals(400, env.admin.post("/maintenance", "maybe").status());
        }
    }
}
