package kz.shlyuz.gateway.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.google.common.util.concurrent.ListenableFuture;
import io.grpc.StatusRuntimeException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.client.Refusals;
import kz.shlyuz.gateway.config.GatewayConfig;
import kz.shlyuz.gateway.storage.StorageBackends;
import kz.shlyuz.proto.v1.Case;
import kz.shlyuz.proto.v1.DocumentKind;
import kz.shlyuz.proto.v1.GatewayGrpc;
import kz.shlyuz.proto.v1.IdDocumentRequest;
import kz.shlyuz.proto.v1.IssueReason;
import kz.shlyuz.proto.v1.ListCasesRequest;
import kz.shlyuz.proto.v1.RequestContent;
import kz.shlyuz.proto.v1.SignedRequest;
import kz.shlyuz.proto.v1.SubmitAck;
import kz.shlyuz.proto.v1.TemporaryIdRequest;
import kz.shlyuz.proto.v1.Urgency;
import org.junit.jupiter.api.Test;

/**
 * Submits that arrive together are committed together (one transaction per group): each caller
 * must still get its own answer — a fresh case, the recorded acknowledgement of a retry, or its
 * own refusal — whatever else shares its group, and every acknowledged case must be in the store
 * after the gateway is stopped and started again on the same file.
 */
class ConcurrentSubmitsTest {
    private static final int NEW_CASES = 32;

    @Test
    void concurrentSubmitsEachGetTheirOwnAnswerAndAcknowledgedCasesSurviveARestart() throws Exception {
        GatewayConfig.JournalSettings store = StorageBackends.h2(Files.createTempDirectory("shlyuz-groups-"));
        Map<SignedRequest, SubmitAck> acknowledged = new java.util.LinkedHashMap<>();
        try (AsyncEnvironment env = new AsyncEnvironment(Set.of(), store)) {
            SignedRequest earlier = temporaryId(env, Persona.CLEAN);
            SubmitAck earlierAck = env.client("hkko").submit(earlier);
            acknowledged.put(earlier, earlierAck);
            SignedRequest together = temporaryId(env, Persona.EMPLOYER);
            SignedRequest changed = changedBytes(env, earlier);
            SignedRequest portalRefused = env.request(
                    "egov-portal",
                    "ID_DOCUMENT",
                    IdDocumentRequest.newBuilder()
                            .setIin(Persona.CLEAN.iin().value())
                            .setKind(DocumentKind.DOCUMENT_KIND_ID_CARD)
                            .setUrgency(Urgency.URGENCY_GENERAL)
                            .setReason(IssueReason.ISSUE_REASON_EXPIRED)
                            .setPhotoRef("photo-1")
                            .build(),
                    null,
                    Persona.CLEAN.key());

            // All at once, interleaved: new cases, retries of an acknowledged message, four copies of
            // a new message, a changed message under a used id, and a refusal at intake.
            List<SignedRequest> fresh = new ArrayList<>();
            List<ListenableFuture<SubmitAck>> freshAcks = new ArrayList<>();
            List<ListenableFuture<SubmitAck>> retries = new ArrayList<>();
            List<ListenableFuture<SubmitAck>> copies = new ArrayList<>();
            List<ListenableFuture<SubmitAck>> mismatches = new ArrayList<>();
            List<ListenableFuture<SubmitAck>> intake = new ArrayList<>();
            Persona[] people = {Persona.CLEAN, Persona.EMPLOYER, Persona.DWELLING_OWNER};
            for (int i = 0; i < NEW_CASES; i++) {
                fresh.add(temporaryId(env, people[i % people.length]));
            }
            GatewayGrpc.GatewayFutureStub hkko =
                    GatewayGrpc.newFutureStub(env.client("hkko").channel()).withDeadlineAfter(30, TimeUnit.SECONDS);
            GatewayGrpc.GatewayFutureStub portal = GatewayGrpc.newFutureStub(
                            env.client("egov-portal").channel())
                    .withDeadlineAfter(30, TimeUnit.SECONDS);
            for (int i = 0; i < NEW_CASES; i++) {
                freshAcks.add(hkko.submit(fresh.get(i)));
                if (i % 8 == 0) {
                    retries.add(hkko.submit(earlier));
                    copies.add(hkko.submit(together));
                    mismatches.add(hkko.submit(changed));
                    intake.add(portal.submit(portalRefused));
                }
            }

            Set<String> caseIds = new HashSet<>();
            for (int i = 0; i < NEW_CASES; i++) {
                SubmitAck ack = freshAcks.get(i).get(30, TimeUnit.SECONDS);
                assertEquals("ACCEPTED", ack.getStatus());
                assertEquals(
                        RequestContent.parseFrom(fresh.get(i).getContent()).getMessageId(),
                        ack.getMessageId(),
                        "each caller gets the acknowledgement of its own message");
                caseIds.add(ack.getCaseId());
                acknowledged.put(fresh.get(i), ack);
            }
            assertEquals(NEW_CASES, caseIds.size(), "one case per new message");
            for (ListenableFuture<SubmitAck> retry : retries) {
                assertEquals(earlierAck, retry.get(30, TimeUnit.SECONDS), "a retry gets the recorded acknowledgement");
            }
            Set<SubmitAck> copyAcks = new HashSet<>();
            for (ListenableFuture<SubmitAck> copy : copies) {
                copyAcks.add(copy.get(30, TimeUnit.SECONDS));
            }
            assertEquals(1, copyAcks.size(), "copies of one message sent together open one case: " + copyAcks);
            SubmitAck togetherAck = copyAcks.iterator().next();
            assertFalse(caseIds.contains(togetherAck.getCaseId()));
            acknowledged.put(together, togetherAck);
            for (ListenableFuture<SubmitAck> mismatch : mismatches) {
                Refusals.Refused r = refusal(mismatch);
                assertEquals("REPLAY_MISMATCH", r.reason());
                assertEquals("ALREADY_EXISTS", r.code());
                assertNotEquals(r.kazakh(), r.russian());
            }
            for (ListenableFuture<SubmitAck> refused : intake) {
                Refusals.Refused r = refusal(refused);
                assertEquals("PORTAL_REASON_NOT_ACCEPTED", r.reason());
                assertEquals("FAILED_PRECONDITION", r.code());
            }
            assertEquals(
                    acknowledged.values().stream().map(SubmitAck::getCaseId).collect(Collectors.toSet()),
                    hkkoCases(env),
                    "the store holds exactly the acknowledged cases");
        }

        // Stopped and started again on the same file: every acknowledged case is there, and a
        // retry of each message still gets its recorded acknowledgement.
        try (AsyncEnvironment again = new AsyncEnvironment(Set.of(), store)) {
            assertEquals(
                    acknowledged.values().stream().map(SubmitAck::getCaseId).collect(Collectors.toSet()),
                    hkkoCases(again));
            for (Map.Entry<SignedRequest, SubmitAck> e : acknowledged.entrySet()) {
                assertEquals(e.getValue(), again.client("hkko").submit(e.getKey()));
            }
            for (SubmitAck ack : acknowledged.values()) {
                again.awaitState("hkko", ack.getCaseId(), "APPROVED");
            }
        }
    }

    private static SignedRequest temporaryId(AsyncEnvironment env, Persona person) {
        return env.request(
                "hkko",
                "TEMPORARY_ID",
                TemporaryIdRequest.newBuilder()
                        .setIin(person.iin().value())
                        .setReason("утерян")
                        .build(),
                null,
                "hkko-operator");
    }

    /** The same message id and sender with another body. */
    private static SignedRequest changedBytes(AsyncEnvironment env, SignedRequest original) throws Exception {
        RequestContent content = RequestContent.parseFrom(original.getContent()).toBuilder()
                .setBody(com.google.protobuf.Any.pack(TemporaryIdRequest.newBuilder()
                        .setIin(Persona.DWELLING_OWNER.iin().value())
                        .setReason("утерян")
                        .build()))
                .build();
        return env.requests.sign(content, List.of(env.pki.signerKey("hkko-operator")));
    }

    private static Refusals.Refused refusal(ListenableFuture<SubmitAck> call) throws InterruptedException {
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(
                ExecutionException.class, () -> call.get(30, TimeUnit.SECONDS));
        return Refusals.read(assertInstanceOf(StatusRuntimeException.class, e.getCause()));
    }

    private static Set<String> hkkoCases(AsyncEnvironment env) {
        return env
                .cabinet("hkko")
                .listCases(ListCasesRequest.newBuilder().setPageSize(500).build())
                .getCasesList()
                .stream()
                .map(Case::getCaseId)
                .collect(Collectors.toSet());
    }
}
