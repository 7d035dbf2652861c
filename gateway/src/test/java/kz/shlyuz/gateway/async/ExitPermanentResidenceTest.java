package kz.shlyuz.gateway.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.client.Refusals;
import kz.shlyuz.proto.v1.Case;
import kz.shlyuz.proto.v1.CaseStep;
import kz.shlyuz.proto.v1.ExitPermanentResidenceRequest;
import kz.shlyuz.proto.v1.SignedRequest;
import kz.shlyuz.proto.v1.SubmitAck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Exit for permanent residence (000, 002) end to end through TLS, on an adjustable clock. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExitPermanentResidenceTest {
    private AsyncEnvironment env;

    @BeforeAll
    void start() throws Exception {
        env = new AsyncEnvironment(Set.of());
    }

    @AfterAll
    void stop() {
        env.close();
    }

    static ExitPermanentResidenceRequest exit(Persona p) {
        return ExitRequests.of(p);
    }

    static Map<String, CaseStep> steps(Case c) {
        return c.getStepsList().stream().collect(Collectors.toMap(CaseStep::getName, s -> s));
    }

    @Test
    void cleanApplicantIsApprovedAfterFourParallelChecksDecisionAndBothDeregistrations() {
        SubmitAck ack = env.submit("hkko", "EXIT_PERMANENT_RESIDENCE", exit(Persona.CLEAN), "hkko-operator");
        assertEquals("ACCEPTED", ack.getStatus());
        // 002 §7: decided within one month: 20 Dec 2026 is a Sunday, so Monday 21 Dec, end of the working day.
        assertEquals(
                Instant.parse("2026-12-21T13:30:00Z").getEpochSecond(),
                ack.getDueAt().getSeconds());

        Case done = env.awaitState("hkko", ack.getCaseId(), "APPROVED");
        Map<String, CaseStep> steps = steps(done);
        assertEquals(
                Set.of(
                        "EXIT_RESTRICTION_CHECK",
                        "DECLARED_DOCUMENTS_CHECK",
                        "STATE_SECRETS_CHECK",
                        "CRIMINAL_RECORD_CHECK",
                        "WANTED_CHECK",
                        "COURT_OBLIGATIONS_CHECK",
                        "TAX_DEBT_CHECK",
                        "MILITARY_REGISTRATION_CHECK",
                        "EXIT_PERMIT_ISSUE",
                        "MILITARY_DEREGISTRATION",
                        "RESIDENCE_DEREGISTRATION"),
                steps.keySet());
        for (String check : List.of(
                "STATE_SECRETS_CHECK",
                "CRIMINAL_RECORD_CHECK",
                "COURT_OBLIGATIONS_CHECK",
                "TAX_DEBT_CHECK",
                "MILITARY_REGISTRATION_CHECK")) {
            assertEquals("CLEAR", steps.get(check).getState(), check);
            // Fan-out: the four checks start together, each with 2 + 10 days (000 table 1).
            assertEquals(
                    steps.get("TAX_DEBT_CHECK").getStartedAt(), steps.get(check).getStartedAt(), check);
        }
        // 000 table 1: requests sent in 2 days, each check answered in 10: due at the end of the 12th day.
        assertEquals(
                Instant.parse("2026-12-02T13:30:00Z").getEpochSecond(),
                steps.get("TAX_DEBT_CHECK").getDueAt().getSeconds());
        // Review of the materials: 2 days to ІІД + 5 days.
        assertEquals(
                Instant.parse("2026-11-27T13:30:00Z").getEpochSecond(),
                steps.get("EXIT_RESTRICTION_CHECK").getDueAt().getSeconds());
        assertEquals("DONE", steps.get("EXIT_PERMIT_ISSUE").getState());
        assertTrue(steps.get("EXIT_PERMIT_ISSUE").getResult().startsWith("EX-"));
        assertFalse(done.getOverdue());
        // Each effect exactly once, in its own agency.
        assertEquals(
                1,
                env.effects("migration").stream()
                        .filter(e -> e.caseId().equals(ack.getCaseId()))
                        .count());
        assertEquals(
                1,
                env.effects("military").stream()
                        .filter(e -> e.caseId().equals(ack.getCaseId()))
                        .count());
        assertEquals(
                1,
                env.effects("mvd-docs").stream()
                        .filter(e -> e.caseId().equals(ack.getCaseId()))
                        .count());
        List<String> statuses =
                done.getHistoryList().stream().map(m -> m.getStatus()).toList();
        assertEquals("ACCEPTED", statuses.get(0));
        assertEquals("APPROVED", statuses.get(statuses.size() - 1));
        assertTrue(
                done.getHistory(0).getTextKk().contains("қабылданды"),
                done.getHistory(0).getTextKk());
        assertTrue(
                done.getHistory(0).getTextRu().contains("принято"),
                done.getHistory(0).getTextRu());
    }

    @Test
    void taxDebtLeadsToReasonedRefusalQuotingTheDebtAndNoEffect() {
        SubmitAck ack = env.submit("hkko", "EXIT_PERMANENT_RESIDENCE", exit(Persona.TAX_DEBTOR), "hkko-operator");
        Case refused = env.awaitState("hkko", ack.getCaseId(), "REFUSED");
        assertEquals("GROUNDS", steps(refused).get("TAX_DEBT_CHECK").getState());
        assertEquals("TAX_DEBT", steps(refused).get("TAX_DEBT_CHECK").getResult());
        assertTrue(refused.getResultRu().contains("Налоговая задолженность 487 350 тенге"), refused.getResultRu());
        assertTrue(refused.getResultKk().contains("Салық берешегі"), refused.getResultKk());
        assertFalse(steps(refused).containsKey("EXIT_PERMIT_ISSUE"));
        assertTrue(env.effects("migration").stream().noneMatch(e -> e.caseId().equals(ack.getCaseId())));
        String last = refused.getHistory(refused.getHistoryCount() - 1).getTextRu();
        assertTrue(last.contains("отказано") && last.contains("обжаловать"), last);
    }

    @Test
    void stateSecretsAndCourtDebtAndConvictionEachRefuse() {
        for (var p : Map.of(
                        Persona.STATE_SECRETS,
                        "STATE_SECRETS",
                        Persona.COURT_DEBTOR,
                        "COURT_DEBTOR",
                        Persona.CONVICTED,
                        "CONVICTED",
                        Persona.WANTED,
                        "EXIT_RESTRICTED")
                .entrySet()) {
            SubmitAck ack = env.submit("hkko", "EXIT_PERMANENT_RESIDENCE", exit(p.getKey()), "hkko-operator");
            Case refused = env.awaitState("hkko", ack.getCaseId(), "REFUSED");
            assertTrue(
                    refused.getStepsList().stream().anyMatch(s -> s.getResult().equals(p.getValue())),
                    p.getKey() + ": " + refused.getStepsList());
        }
    }

    @Test
    void retriedSubmissionReturnsTheSameCaseAndChangedBytesAreRefused() {
        SignedRequest request =
                env.request("hkko", "EXIT_PERMANENT_RESIDENCE", exit(Persona.CLEAN), null, "hkko-operator");
        SubmitAck first = env.client("hkko").submit(request);
        SubmitAck again = env.client("hkko").submit(request);
        assertEquals(first, again);
        long cases = env
                .cabinet("hkko")
                .listCases(kz.shlyuz.proto.v1.ListCasesRequest.newBuilder()
                        .setPageSize(500)
                        .build())
                .getCasesList()
                .stream()
                .filter(c -> c.getMessageId().equals(first.getMessageId()))
                .count();
        assertEquals(1, cases);

        var content = kz.shlyuz.proto.v1.RequestContent.newBuilder()
                .setMessageId(first.getMessageId())
                .setServiceId("EXIT_PERMANENT_RESIDENCE")
                .setSenderId("hkko")
                .setCreatedAt(com.google.protobuf.util.Timestamps.fromMillis(System.currentTimeMillis()))
                .setBody(com.google.protobuf.Any.pack(exit(Persona.TAX_DEBTOR)))
                .build();
        SignedRequest changed = env.requests.sign(content, List.of(env.pki.signerKey("hkko-operator")));
        Refusals.Refused refused = Refusals.read(org.junit.jupiter.api.Assertions.assertThrows(
                io.grpc.StatusRuntimeException.class, () -> env.client("hkko").submit(changed)));
        assertEquals("REPLAY_MISMATCH", refused.reason());
        assertEquals(Status.Code.ALREADY_EXISTS.name(), refused.code());
    }

    @Test
    void submitRefusesAServiceTheSenderMayNotUseWithReasonInBothLanguages() {
        Refusals.Refused refused = Refusals.read(org.junit.jupiter.api.Assertions.assertThrows(
                io.grpc.StatusRuntimeException.class,
                () -> env.submit("egov-portal", "EXIT_PERMANENT_RESIDENCE", exit(Persona.CLEAN), Persona.CLEAN.key())));
        assertEquals("SERVICE_NOT_ALLOWED", refused.reason());
        assertFalse(refused.kazakh().isBlank());
        assertFalse(refused.russian().isBlank());
    }

    @Test
    void anAsynchronousServiceSentToCallIsRefused() {
        Refusals.Refused refused = Refusals.read(org.junit.jupiter.api.Assertions.assertThrows(
                io.grpc.StatusRuntimeException.class,
                () -> env.client("hkko")
                        .call(env.request(
                                "hkko", "EXIT_PERMANENT_RESIDENCE", exit(Persona.CLEAN), null, "hkko-operator"))));
        assertEquals("SERVICE_IS_ASYNCHRONOUS", refused.reason());
    }

    @Test
    void theSynchronousAddressCertificateSentToSubmitIsRefused() {
        Refusals.Refused refused = Refusals.read(org.junit.jupiter.api.Assertions.assertThrows(
                io.grpc.StatusRuntimeException.class,
                () -> env.submit(
                        "egov-portal",
                        "ADDRESS_CERTIFICATE",
                        kz.shlyuz.proto.v1.AddressCertificateRequest.newBuilder()
                                .setIin(Persona.CLEAN.iin().value())
                                .build(),
                        Persona.CLEAN.key())));
        assertEquals("SERVICE_IS_SYNCHRONOUS", refused.reason());
        assertTrue(refused.russian().contains("через Call"), refused.russian());
    }
}
