package kz.shlyuz.gateway.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.certs.testing.Await;
import kz.shlyuz.client.Refusals;
import kz.shlyuz.proto.v1.AcknowledgeNoticeRequest;
import kz.shlyuz.proto.v1.CabinetGrpc;
import kz.shlyuz.proto.v1.Case;
import kz.shlyuz.proto.v1.CompletionNotice;
import kz.shlyuz.proto.v1.CompletionNoticesGrpc;
import kz.shlyuz.proto.v1.LabourMigrantPermitRequest;
import kz.shlyuz.proto.v1.ListCasesRequest;
import kz.shlyuz.proto.v1.ReceiveNoticesRequest;
import kz.shlyuz.proto.v1.StatusMessage;
import kz.shlyuz.proto.v1.SubmitAck;
import kz.shlyuz.proto.v1.TemporaryIdRequest;
import kz.shlyuz.proto.v1.WatchStatusRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Who may read which cabinet; resuming the status stream by cursor; notices until acknowledged. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CabinetAndNoticesTest {
    /** The most a step that takes well under a second may take on a loaded 2-core machine (a take returns at once). */
    private static final Duration WAIT = Duration.ofSeconds(20);

    private AsyncEnvironment env;

    @BeforeAll
    void start() throws Exception {
        env = new AsyncEnvironment(Set.of());
    }

    @AfterAll
    void stop() {
        env.close();
    }

    private List<Case> cabinet(String system, String iin) {
        return env.cabinet(system)
                .listCases(ListCasesRequest.newBuilder()
                        .setCitizenIin(iin)
                        .setPageSize(500)
                        .build())
                .getCasesList();
    }

    @Test
    void portalReadsOnlyTheNamedCitizensCasesAndFrontOfficesOnlyTheirOwn() {
        SubmitAck exit = env.submit(
                "hkko",
                "EXIT_PERMANENT_RESIDENCE",
                ExitRequests.of(Persona.STATE_SECRETS.iin().value(), "RU", ExitRequests.START_DAY),
                "hkko-operator");
        env.awaitState("hkko", exit.getCaseId(), "REFUSED");
        String iin = Persona.STATE_SECRETS.iin().value();
        assertTrue(
                cabinet("egov-portal", iin).stream().anyMatch(c -> c.getCaseId().equals(exit.getCaseId())),
                "the citizen sees the case the State Corporation opened for them");
        assertTrue(
                cabinet("egov-portal", Persona.CLEAN.iin().value()).stream()
                        .noneMatch(c -> c.getCaseId().equals(exit.getCaseId())),
                "another citizen does not");
        assertTrue(
                cabinet("burkit", iin).stream().noneMatch(c -> c.getCaseId().equals(exit.getCaseId())),
                "another front office does not, whatever IIN it names");
        Refusals.Refused noIin =
                Refusals.read(assertThrows(StatusRuntimeException.class, () -> cabinet("egov-portal", "")));
        assertEquals("CABINET_NOT_ALLOWED", noIin.reason());
        assertEquals("PERMISSION_DENIED", noIin.code());
        Refusals.Refused badIin =
                Refusals.read(assertThrows(StatusRuntimeException.class, () -> cabinet("egov-portal", "123456789012")));
        assertEquals("IIN_INVALID", badIin.reason());
        Refusals.Refused adapter = Refusals.read(assertThrows(StatusRuntimeException.class, () -> cabinet("tax", iin)));
        assertEquals("SENDER_NOT_ALLOWED", adapter.reason());
    }

    @Test
    void aWatcherThatReconnectsWithItsLastCursorReceivesExactlyWhatItMissed() throws Exception {
        String iin = Persona.COURT_DEBTOR.iin().value();
        CabinetGrpc.CabinetStub stub =
                CabinetGrpc.newStub(env.client("egov-portal").channel());
        List<StatusMessage> firstPart;
        double watches = env.statusWatches();
        try (Streams<StatusMessage> watch = Streams.open(o -> stub.watchStatus(
                WatchStatusRequest.newBuilder().setCitizenIin(iin).build(), o))) {
            Await.until(() -> env.statusWatches() > watches, WAIT, "the gateway subscribes the watch");
            // Subscribed: only new messages from here.
            SubmitAck one = env.submit(
                    "hkko",
                    "TEMPORARY_ID",
                    TemporaryIdRequest.newBuilder()
                            .setIin(iin)
                            .setReason("утерян")
                            .build(),
                    "hkko-operator");
            firstPart = watch.take(2, WAIT); // ACCEPTED, APPROVED
            assertEquals(
                    List.of("ACCEPTED", "APPROVED"),
                    firstPart.stream().map(StatusMessage::getStatus).toList());
            assertTrue(firstPart.stream().allMatch(m -> m.getCaseId().equals(one.getCaseId())));
        }
        // While disconnected: another case runs to its end.
        SubmitAck two = env.submit(
                "hkko",
                "EXIT_PERMANENT_RESIDENCE",
                ExitRequests.of(iin, "TR", ExitRequests.START_DAY),
                "hkko-operator");
        Case refused = env.awaitState("hkko", two.getCaseId(), "REFUSED");
        String last = firstPart.get(firstPart.size() - 1).getCursor();
        try (Streams<StatusMessage> resumed = Streams.open(o -> stub.watchStatus(
                WatchStatusRequest.newBuilder()
                        .setCitizenIin(iin)
                        .setAfterCursor(last)
                        .build(),
                o))) {
            List<StatusMessage> missed = resumed.take(refused.getHistoryCount(), WAIT);
            assertEquals(refused.getHistoryList(), missed, "exactly the missed messages, in order");
            // And nothing more: the next message the stream brings is a new case's first.
            SubmitAck three = env.submit(
                    "hkko",
                    "TEMPORARY_ID",
                    TemporaryIdRequest.newBuilder()
                            .setIin(iin)
                            .setReason("испорчен")
                            .build(),
                    "hkko-operator");
            StatusMessage next = resumed.take(1, WAIT).get(0);
            assertEquals(three.getCaseId(), next.getCaseId(), "nothing between the missed messages and a new case");
            assertEquals("ACCEPTED", next.getStatus());
        }
        // A cursor that is not one of ours is refused with a reason.
        try (Streams<StatusMessage> bad = Streams.open(o -> stub.watchStatus(
                WatchStatusRequest.newBuilder()
                        .setCitizenIin(iin)
                        .setAfterCursor("yesterday")
                        .build(),
                o))) {
            Await.until(() -> bad.error != null, WAIT, "the stream with a foreign cursor is refused");
            assertEquals(
                    "CURSOR_INVALID",
                    Refusals.read((StatusRuntimeException) bad.error).reason());
        }
    }

    @Test
    void completionNoticesAreRedeliveredAfterReconnectUntilAcknowledged() throws Exception {
        CompletionNoticesGrpc.CompletionNoticesStub stub =
                CompletionNoticesGrpc.newStub(env.client("hkko").channel());
        SubmitAck permit = env.submit(
                "hkko",
                "LABOUR_MIGRANT_PERMIT",
                LabourMigrantPermitRequest.newBuilder()
                        .setMigrantIin(Persona.EMPLOYER.iin().value())
                        .setCitizenship("TJ")
                        .setMonths(3)
                        .setProtectedDataConsent(true)
                        .build(),
                "hkko-operator");
        CompletionNotice first;
        try (Streams<CompletionNotice> s =
                Streams.open(o -> stub.receive(ReceiveNoticesRequest.getDefaultInstance(), o))) {
            first = noticeOf(s, permit.getCaseId());
            // Not acknowledged; the receiver goes away.
        }
        assertEquals("APPROVED", first.getOutcome());
        assertTrue(first.getReference().startsWith("WP-"), first.getReference());
        assertTrue(first.getTextRu().contains("Выдано разрешение трудовому мигранту"), first.getTextRu());
        assertEquals(1, first.getDelivery());
        try (Streams<CompletionNotice> s =
                Streams.open(o -> stub.receive(ReceiveNoticesRequest.getDefaultInstance(), o))) {
            CompletionNotice again = noticeOf(s, permit.getCaseId());
            assertEquals(first.getNoticeId(), again.getNoticeId());
            assertEquals(2, again.getDelivery());
            acknowledge(again);
            acknowledge(again); // harmless
        }
        // Acknowledged: not sent again. A case finished later is noticed; the permit's notice does not come first.
        SubmitAck later = env.submit(
                "hkko",
                "TEMPORARY_ID",
                TemporaryIdRequest.newBuilder()
                        .setIin(Persona.CLEAN.iin().value())
                        .setReason("утерян")
                        .build(),
                "hkko-operator");
        try (Streams<CompletionNotice> s =
                Streams.open(o -> stub.receive(ReceiveNoticesRequest.getDefaultInstance(), o))) {
            CompletionNotice next = noticeOf(s, later.getCaseId(), permit.getCaseId());
            acknowledge(next);
        }
        // Another system cannot acknowledge (or learn of) hkko's notice.
        Refusals.Refused foreign = Refusals.read(assertThrows(
                StatusRuntimeException.class,
                () -> CompletionNoticesGrpc.newBlockingStub(env.client("burkit").channel())
                        .acknowledge(AcknowledgeNoticeRequest.newBuilder()
                                .setNoticeId(first.getNoticeId())
                                .build())));
        assertEquals("NOTICE_NOT_FOUND", foreign.reason());
    }

    /**
     * The next notice of {@code caseId} on the stream; notices of earlier tests' cases that come
     * before it are acknowledged and passed over, and one of {@code mustNotCome} fails the test.
     */
    private CompletionNotice noticeOf(Streams<CompletionNotice> s, String caseId, String... mustNotCome)
            throws InterruptedException {
        while (true) {
            CompletionNotice n = s.take(1, WAIT).get(0);
            assertTrue(!List.of(mustNotCome).contains(n.getCaseId()), "notice sent again: " + n.getCaseId());
            if (n.getCaseId().equals(caseId)) {
                return n;
            }
            acknowledge(n);
        }
    }

    private void acknowledge(CompletionNotice n) {
        CompletionNoticesGrpc.newBlockingStub(env.client("hkko").channel())
                .acknowledge(AcknowledgeNoticeRequest.newBuilder()
                        .setNoticeId(n.getNoticeId())
                        .build());
    }
}
