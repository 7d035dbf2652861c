package kz.shlyuz.gateway.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import kz.shlyuz.certs.identity.Organisation;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.certs.testing.Await;
import kz.shlyuz.gateway.journal.JournalDatabase;
import kz.shlyuz.proto.seal.AnswerForm;
import kz.shlyuz.proto.v1.RequestContent;
import kz.shlyuz.proto.v1.SignedResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The answer's evidence on the message page and in {@code GET /api/v1/messages/{id}} (issue 14.2)
 * against a running gateway: a countersigned answer lists the agencies and the time-stamped gateway;
 * a batch-sealed one shows its seal with the proof recomputed, holding, and not holding once the
 * archived answer is altered; a refusal says it had no answer; the answer's content never reaches
 * the view.
 */
class ConsoleAnswerEvidenceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GATEWAY = Organisation.GATEWAY_OPERATOR.bin().value();
    private static final Set<String> AGENCIES = Set.of(
            Organisation.INTERNAL_AFFAIRS.bin().value(),
            Organisation.JUSTICE.bin().value());
    private static ConsoleEnvironment env;

    @BeforeAll
    static void start() throws Exception {
        env = new ConsoleEnvironment(Set.of());
    }

    @AfterAll
    static void stop() {
        env.close();
    }

    /** Calls the address certificate in {@code form} (null: countersigned); its message id and answer. */
    private static Map.Entry<String, SignedResponse> call(AnswerForm form) {
        RequestContent content = ConsoleEnvironment.addressCertificateRequest();
        var request = env.signedByTheCitizen(content);
        SignedResponse answer = form == null
                ? env.test.client("egov-portal").call(request)
                : env.test.client("egov-portal").call(request, form);
        return Map.entry(content.getMessageId(), answer);
    }

    /** The observer's view of the message once its evidence record (written beside the answer) is there. */
    private static JsonNode message(String id) throws Exception {
        Await.until(
                () -> env.get("observer", "/api/v1/messages/" + id).body().contains("\"contentSha256\" : \""),
                Duration.ofSeconds(10),
                () -> "the answer's evidence of " + id);
        return JSON.readTree(env.get("observer", "/api/v1/messages/" + id).body());
    }

    /** Signers' BINs mapped to whether each carries a signature time-stamp. */
    private static Map<String, Boolean> stamped(JsonNode signers) {
        Map<String, Boolean> out = new HashMap<>();
        signers.forEach(s -> out.put(s.path("bin").asText(), s.path("timeStamp").isTextual()));
        return out;
    }

    @Test
    void aCountersignedAnswerListsTheAgencySignersAndTheTimeStampedGatewayButNotItsContent() throws Exception {
        var call = call(null);
        JsonNode answer = message(call.getKey()).path("answer");

        assertEquals("COUNTERSIGNED", answer.path("form").asText(), answer.toString());
        Map<String, Boolean> signers = stamped(answer.path("signers"));
        assertTrue(signers.keySet().containsAll(AGENCIES), answer.toString());
        assertEquals(true, signers.get(GATEWAY), "the gateway's SignerInfo is time-stamped: " + answer);
        assertTrue(answer.path("seal").isNull(), answer.toString());
        assertEquals(
                kz.shlyuz.gateway.evidence.Digests.hex(call.getValue().getContent()),
                answer.path("contentSha256").asText());
        // The address certificate names the person: an observer's view holds none of its content.
        String body = env.get("observer", "/api/v1/messages/" + call.getKey()).body();
        assertFalse(body.contains(Persona.CLEAN.iin().value()), "no full IIN and no answer content: " + body);

        String page = env.get("observer", "/messages/" + call.getKey()).body();
        assertTrue(page.contains("id=\"answer-signers\""), page);
        assertTrue(page.contains(GATEWAY), page);
        assertFalse(page.contains(Persona.CLEAN.iin().value()), "no full IIN on the page");
    }

    @Test
    void aBatchSealedAnswerShowsItsSealWhoseProofHoldsUntilTheArchivedAnswerIsAltered() throws Exception {
        var call = call(AnswerForm.BATCH_SEAL);
        JsonNode answer = message(call.getKey()).path("answer");

        assertEquals("BATCH_SEAL", answer.path("form").asText(), answer.toString());
        assertEquals(AGENCIES, stamped(answer.path("signers")).keySet(), "the agencies sign; the gateway seals");
        JsonNode seal = answer.path("seal");
        assertTrue(seal.path("holds").asBoolean(), seal.toString());
        assertTrue(seal.path("problem").isNull(), seal.toString());
        assertTrue(seal.path("leafCount").asLong() >= 1, seal.toString());
        assertEquals(64, seal.path("root").asText().length(), seal.toString());
        assertEquals("SHA-256", seal.path("hashAlgorithm").asText());
        assertEquals(GATEWAY, seal.path("sealer").path("bin").asText(), seal.toString());
        assertTrue(seal.path("sealer").path("timeStamp").isTextual(), "the manifest is time-stamped: " + seal);
        assertFalse(seal.path("sealId").asText().isEmpty());
        String page = env.get("observer", "/messages/" + call.getKey()).body();
        assertTrue(page.contains("id=\"seal-holds\" class=\"ok\""), page);

        // An archived answer whose content was changed no longer leads to the signed root.
        SignedResponse altered = call.getValue().toBuilder()
                .setContent(call.getValue().getContent().concat(ByteString.copyFromUtf8(" ")))
                .build();
        try (var db = JournalDatabase.open(env.test.config.journal());
                Connection c = db.getConnection();
                PreparedStatement s =
                        c.prepareStatement("UPDATE evidence_record SET answer = ? WHERE message_id = ?")) {
            s.setBytes(1, altered.toByteArray());
            s.setString(2, call.getKey());
            assertEquals(1, s.executeUpdate());
        }
        JsonNode broken = message(call.getKey()).path("answer").path("seal");
        assertFalse(broken.path("holds").asBoolean(), broken.toString());
        assertTrue(broken.path("problem").asText().startsWith("SIGNATURE_INVALID"), broken.toString());
    }

    @Test
    void aRefusedCallSaysItHadNoAnswer() throws Exception {
        RequestContent content = ConsoleEnvironment.addressCertificateRequest();
        var signed = env.signedByTheCitizen(content);
        // Content changed after signing: refused with SIGNATURE_INVALID, recorded without an answer.
        var tampered = signed.toBuilder()
                .setContent(content.toBuilder().putProperties("x", "y").build().toByteString())
                .build();
        assertThrows(
                io.grpc.StatusRuntimeException.class,
                () -> env.test.client("egov-portal").call(tampered));
        String id = content.getMessageId();
        Await.until(
                () -> env.get("observer", "/api/v1/messages/" + id).body().contains("\"notKept\" : \"NO_ANSWER\""),
                Duration.ofSeconds(10),
                () -> "the refusal's evidence record: "
                        + env.get("observer", "/api/v1/messages/" + id).body());
        String page = env.get("observer", "/messages/" + id + "?lang=ru").body();
        assertTrue(page.contains("Ответа не было: сообщение отклонено"), page);
    }
}
