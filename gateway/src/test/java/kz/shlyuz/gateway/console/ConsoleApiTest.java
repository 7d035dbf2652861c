package kz.shlyuz.gateway.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import kz.shlyuz.certs.identity.Iin;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.certs.testing.Await;
import kz.shlyuz.client.RequestBuilder;
import kz.shlyuz.gateway.console.auth.DevAccounts;
import kz.shlyuz.proto.v1.ExitPermanentResidenceRequest;
import kz.shlyuz.proto.v1.RequestContent;
import kz.shlyuz.proto.v1.SubmitAck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The management API over real HTTPS against a running gateway (issue 14.1, 14.2, 14.5): roles on
 * every endpoint, a real signed call found by its message id with the signer's IIN masked, the
 * auditor's audited full view, resend and stop of a failed delivery, maintenance, the audit log.
 */
class ConsoleApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ConsoleEnvironment env;

    @BeforeAll
    static void start() throws Exception {
        env = new ConsoleEnvironment(Set.of("tax"));
    }

    @AfterAll
    static void stop() {
        env.close();
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    private static List<JsonNode> audit() throws Exception {
        HttpResponse<String> r = env.get("security", "/api/v1/audit?size=500");
        assertEquals(200, r.statusCode(), r.body());
        return StreamSupport.stream(json(r).path("entries").spliterator(), false)
                .toList();
    }

    private static boolean audited(String actor, String action, String outcome) throws Exception {
        return audit().stream()
                .anyMatch(e -> e.path("actor").asText().equals(actor)
                        && e.path("action").asText().equals(action)
                        && e.path("outcome").asText().equals(outcome)
                        && e.path("remote").asText().equals("127.0.0.1"));
    }

    @Test
    void refusesAnonymousCallersAndWrongPasswordsAndChecksEachRolesPermissions() throws Exception {
        HttpResponse<String> anonymous = env.send(HttpRequest.newBuilder(URI.create(env.url("/api/v1/journal")))
                .GET()
                .build());
        assertEquals(401, anonymous.statusCode());
        HttpResponse<String> wrong = env.send(HttpRequest.newBuilder(URI.create(env.url("/api/v1/journal")))
                .header(
                        "Authorization",
                        "Basic "
                                + java.util.Base64.getEncoder()
                                        .encodeToString(
                                                "observer:nope".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .GET()
                .build());
        assertEquals(401, wrong.statusCode());
        assertEquals(
                "nosniff",
                anonymous.headers().firstValue("X-Content-Type-Options").orElse(null));
        assertTrue(anonymous
                .headers()
                .firstValue("Content-Security-Policy")
                .orElse("")
                .contains("frame-ancestors 'none'"));

        assertEquals(200, env.get("observer", "/api/v1/journal").statusCode());
        assertEquals(
                "observer", json(env.get("observer", "/api/v1/me")).path("role").asText());
        assertEquals(403, env.get("observer", "/api/v1/audit").statusCode());
        assertEquals(403, env.get("operator", "/api/v1/configuration").statusCode());
        assertEquals(200, env.get("security", "/api/v1/configuration").statusCode());
        assertEquals(403, env.get("observer", "/api/v1/messages/x/evidence").statusCode());
        HttpResponse<String> refused = env.post("observer", "/api/v1/maintenance", "{\"on\": true}");
        assertEquals(403, refused.statusCode(), refused.body());
        assertFalse(env.gateway.operations().maintenance().active());
        assertTrue(audited("observer", "POST /api/v1/maintenance", "refused"));
        assertEquals(404, env.get("observer", "/api/v1/nothing").statusCode());
        assertEquals(405, env.post("operator", "/api/v1/traffic", "{}").statusCode());
    }

    @Test
    void findsARealSignedCallByItsMessageIdAndShowsTheSignersIinMaskedExceptToTheAuditor() throws Exception {
        RequestContent content = ConsoleEnvironment.addressCertificateRequest();
        env.test.client("egov-portal").call(env.signedByTheCitizen(content));
        String id = content.getMessageId();

        JsonNode found = json(env.get("observer", "/api/v1/journal?messageId=" + id));
        assertEquals(1, found.path("rows").size(), found.toString());
        assertEquals("ANSWERED", found.path("rows").get(0).path("outcome").asText());
        assertEquals(
                "ADDRESS_CERTIFICATE",
                found.path("rows").get(0).path("serviceId").asText());

        // The evidence record is written beside the answer; wait for it rather than assume it.
        Await.until(
                () -> env.get("observer", "/api/v1/messages/" + id).body().contains("\"signers\" : [ {"),
                Duration.ofSeconds(10),
                () -> "the evidence record of " + id);
        JsonNode message = json(env.get("observer", "/api/v1/messages/" + id));
        String full = Persona.CLEAN.iin().value();
        assertEquals(Iin.mask(full), message.path("signers").get(0).path("iin").asText(), message.toString());
        assertFalse(message.toString().contains(full), "an observer never sees the full IIN");
        assertTrue(message.path("signers").get(0).path("chain").size() >= 2, message.toString());
        assertNotNull(message.path("evidence").path("digest").textValue());

        // Asking for the full view is not enough for an observer; the auditor gets it, audited.
        assertFalse(env.get("observer", "/api/v1/messages/" + id + "?unmasked=true")
                .body()
                .contains(full));
        JsonNode unmasked = json(env.get("auditor", "/api/v1/messages/" + id + "?unmasked=true"));
        assertEquals(full, unmasked.path("signers").get(0).path("iin").asText());
        assertTrue(audited("auditor", "iin.view", "ok"));

        env.gateway.evidence().stampNow();
        HttpResponse<byte[]> export = env.http.send(
                HttpRequest.newBuilder(URI.create(env.url("/api/v1/messages/" + id + "/evidence")))
                        .header("Authorization", basic("auditor"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, export.statusCode());
        assertEquals("PK", new String(export.body(), 0, 2, java.nio.charset.StandardCharsets.US_ASCII));
        assertTrue(audited("auditor", "evidence.export", "ok"));
    }

    private static String basic(String role) {
        String[] a = env.accounts.get(role);
        return "Basic "
                + java.util.Base64.getEncoder()
                        .encodeToString((a[0] + ":" + a[1]).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void switchesMaintenanceOnAndOffForTheOperatorAndAuditsBoth() throws Exception {
        HttpResponse<String> on = env.post("operator", "/api/v1/maintenance", "{\"on\": true}");
        assertEquals(200, on.statusCode(), on.body());
        assertTrue(env.gateway.operations().maintenance().active());
        assertTrue(json(env.get("observer", "/api/v1/maintenance")).path("on").asBoolean());
        assertEquals(
                400,
                env.post("operator", "/api/v1/maintenance", "{\"on\": \"yes\"}").statusCode());
        assertEquals(
                200,
                env.post("operator", "/api/v1/maintenance", "{\"on\": false}").statusCode());
        assertFalse(env.gateway.operations().maintenance().active());
        assertTrue(audited("operator", "maintenance.on", "ok"));
        assertTrue(audited("operator", "maintenance.off", "ok"));
    }

    private static SubmitAck submitExit() {
        ExitPermanentResidenceRequest body = kz.shlyuz.adapters.samples.ExitQuestionnaire.of(
                        Persona.CLEAN.iin().value(),
                        java.time.LocalDate.ofInstant(
                                env.clock.instant(), kz.shlyuz.gateway.calendar.KazakhstanCalendar.ZONE))
                .build();
        RequestContent content =
                RequestBuilder.content("hkko", "EXIT_PERMANENT_RESIDENCE", body, java.time.Instant.now());
        return env.test.client("hkko").submit(env.requests.sign(content, env.keys("hkko-operator")));
    }

    /** The outbox id of the case's failed delivery, once the agency call was given up. */
    private static long failedDelivery(String caseId) throws Exception {
        long[] id = {-1};
        Await.until(
                () -> {
                    try {
                        for (JsonNode d :
                                json(env.get("observer", "/api/v1/deliveries")).path("deliveries")) {
                            if (d.path("caseId").asText().equals(caseId)
                                    && d.path("status").asText().equals("FAILED")) {
                                id[0] = d.path("id").asLong();
                                return true;
                            }
                        }
                        return false;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                Duration.ofSeconds(30),
                () -> "a failed delivery of case " + caseId);
        return id[0];
    }

    private static String stepState(String caseId, String step) throws Exception {
        for (JsonNode s : json(env.get("observer", "/api/v1/cases/" + caseId)).path("steps")) {
            if (s.path("name").asText().equals(step)) {
                return s.path("state").asText() + " " + s.path("resultCode").asText();
            }
        }
        return "none";
    }

    @Test
    void resendsAFailedDeliveryForTheOperatorOnlyAndTheCaseGoesOnWhileAStoppedOneFailsItsStep() throws Exception {
        SubmitAck resent = submitExit();
        SubmitAck stopped = submitExit();
        long failed = failedDelivery(resent.getCaseId());
        long other = failedDelivery(stopped.getCaseId());
        assertTrue(stepState(resent.getCaseId(), "TAX_DEBT_CHECK").startsWith("UNDELIVERED"));

        HttpResponse<String> observer = env.post("observer", "/api/v1/deliveries/" + failed + "/resend", "");
        assertEquals(403, observer.statusCode(), observer.body());
        assertTrue(audited("observer", "POST /api/v1/deliveries/{id}/resend", "refused"));

        env.test.adapters.start("tax");
        // The gateway's channel to an agency that was down may still be in its reconnect backoff:
        // an attempt that fails again is given up again (one attempt here), and the operator resends.
        Await.until(
                () -> {
                    try {
                        String state = stepState(resent.getCaseId(), "TAX_DEBT_CHECK");
                        if (state.startsWith("UNDELIVERED")) {
                            HttpResponse<String> resend =
                                    env.post("operator", "/api/v1/deliveries/resend", "{\"ids\": [" + failed + "]}");
                            assertEquals(200, resend.statusCode(), resend.body());
                        }
                        return state.startsWith("CLEAR");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                Duration.ofSeconds(60),
                Duration.ofMillis(500),
                () -> "the resent tax check answers");
        assertTrue(audited("operator", "delivery.resend", "ok"));

        HttpResponse<String> stop = env.post("operator", "/api/v1/deliveries/" + other + "/stop", "");
        assertEquals(200, stop.statusCode(), stop.body());
        assertEquals("FAILED DELIVERY_STOPPED", stepState(stopped.getCaseId(), "TAX_DEBT_CHECK"));
        assertEquals(
                409,
                env.post("operator", "/api/v1/deliveries/" + other + "/stop", "")
                        .statusCode());
        assertTrue(audited("operator", "delivery.stop", "ok"));
    }

    @Test
    void writesTheDevelopmentAccountsOnePerRoleReadableByTheOwnerOnly() throws Exception {
        var file = env.test.dir.resolve(DevAccounts.FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(Set.of("observer", "operator", "security", "auditor"), env.accounts.keySet());
        for (String[] account : env.accounts.values()) {
            assertTrue(account[1].length() >= 20, "a random password of 18 bytes");
        }
    }
}
