package kz.shlyuz.gateway.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.proto.v1.Case;
import kz.shlyuz.proto.v1.StatusMessage;
import kz.shlyuz.proto.v1.SubmitAck;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * 001 §11 ¶2 end to end through TLS: when the grounds come late — the National Security
 * Committee unreachable for three months and answering a week before the service's term — the
 * consulate's hearing notice is due three working days before the term, not five working days
 * after the grounds (which would be the term's own last day). The due date is on the case, in the
 * citizen's message, and enforced: once it passes without a recorded delivery the applicant is
 * told the term was broken.
 */
class ConsularHearingNearTheTermTest {
    private static final String SERVICE = "CONSULAR_PERMANENT_STAY";

    @Test
    @DisplayName("001 §11 ¶2: grounds a week before the term → the hearing notice is due 3 working days before it")
    void lateGroundsMakeTheHearingNoticeDueThreeWorkingDaysBeforeTheTerm() throws Exception {
        try (AsyncEnvironment env = new AsyncEnvironment(Set.of("knb"))) {
            SubmitAck ack = env.submit(
                    "burkit", SERVICE, ConsularPermanentStayTest.form(Persona.STATE_SECRETS), "consular-officer");
            String caseId = ack.getCaseId();
            // Submitted Fri 20 Nov 2026: three months end on Sat 20 Feb 2027, moved to Mon 22 Feb.
            assertEquals(Instant.parse("2027-02-22T13:30:00Z"), OtherServicesTest.at(ack.getDueAt()));
            env.await(
                    "burkit",
                    caseId,
                    c -> OtherServicesTest.steps(c)
                            .get("CRIMINAL_RECORD_CHECK")
                            .getState()
                            .equals("CLEAR"));

            // Mon 15 Feb 2027, 09:00 in Astana: the Committee is reachable again and finds its ground.
            env.clock.advanceTo(Instant.parse("2027-02-15T04:00:00Z"));
            env.startAdapter("knb");
            Case preliminary =
                    env.await("burkit", caseId, c -> c.getState().equals("PRELIMINARY_REFUSAL"), Duration.ofMinutes(1));
            Instant noticeDue = Instant.parse("2027-02-17T13:30:00Z"); // Wed 17 Feb, 18:30
            assertEquals(noticeDue, OtherServicesTest.at(preliminary.getHearingNoticeDueAt()));
            StatusMessage notice = last(preliminary, "PRELIMINARY_REFUSAL");
            assertEquals(noticeDue, OtherServicesTest.at(notice.getNextDueAt()));
            assertTrue(notice.getTextKk().contains("17.02.2027 ж. сағат 18:30-ға дейін"), notice.getTextKk());
            assertTrue(notice.getTextRu().contains("Консульство до 17.02.2027 18:30 направит"), notice.getTextRu());

            // Nothing recorded by then: the broken term is the applicant's to complain of.
            env.clock.advanceTo(noticeDue.plus(Duration.ofMinutes(30)));
            Case late = env.await(
                    "burkit",
                    caseId,
                    c -> c.getHistoryList().stream().anyMatch(m -> m.getStatus().equals("HEARING_NOTICE_OVERDUE")),
                    Duration.ofMinutes(1));
            StatusMessage overdue = last(late, "HEARING_NOTICE_OVERDUE");
            assertTrue(overdue.getTextRu().contains("не направило")
                    && overdue.getTextRu().contains("17.02.2027"));
            assertTrue(overdue.getTextRu().contains("15 рабочих дней"), "001 §16's route: " + overdue.getTextRu());
            assertEquals("PRELIMINARY_REFUSAL", late.getState(), "the right to be heard is not lost by the delay");
        }
    }

    private static StatusMessage last(Case c, String status) {
        return c.getHistoryList().stream()
                .filter(m -> m.getStatus().equals(status))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no " + status + " in " + c.getHistoryList()));
    }
}
