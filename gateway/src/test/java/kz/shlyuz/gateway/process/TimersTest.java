package kz.shlyuz.gateway.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kz.shlyuz.gateway.process.Timers.Action;
import org.junit.jupiter.api.Test;

/** What a due timer does, decided from the case and step as they stand, without a database. */
class TimersTest {

    @Test
    void anOptionalStepStillUnansweredAtItsTermIsPassedOverEvenWhenUndelivered() {
        assertEquals(Action.PASS_OVER, Timers.decide(OutboxKind.DEADLINE, CaseState.IN_PROGRESS, StepState.PENDING));
        assertEquals(
                Action.PASS_OVER, Timers.decide(OutboxKind.DEADLINE, CaseState.IN_PROGRESS, StepState.UNDELIVERED));
        assertEquals(Action.NONE, Timers.decide(OutboxKind.DEADLINE, CaseState.IN_PROGRESS, StepState.CLEAR));
        assertEquals(Action.NONE, Timers.decide(OutboxKind.DEADLINE, CaseState.IN_PROGRESS, null));
    }

    @Test
    void aStepPastItsTermIsReportedOverdueOnlyWhileItsAnswerIsAwaited() {
        assertEquals(
                Action.REPORT_OVERDUE, Timers.decide(OutboxKind.OVERDUE, CaseState.IN_PROGRESS, StepState.PENDING));
        assertEquals(
                Action.REPORT_OVERDUE,
                Timers.decide(OutboxKind.OVERDUE, CaseState.OBJECTION_REVIEW, StepState.UNDELIVERED));
        for (StepState answered :
                new StepState[] {StepState.CLEAR, StepState.GROUNDS, StepState.DONE, StepState.FAILED, StepState.SKIPPED
                }) {
            assertEquals(
                    Action.NONE, Timers.decide(OutboxKind.OVERDUE, CaseState.IN_PROGRESS, answered), answered.name());
        }
    }

    @Test
    void theClosedObjectionWindowMakesOnlyAPreliminaryRefusalFinal() {
        assertEquals(Action.REFUSE_FINALLY, Timers.decide(OutboxKind.OBJECTION, CaseState.PRELIMINARY_REFUSAL, null));
        assertEquals(
                Action.NONE,
                Timers.decide(OutboxKind.OBJECTION, CaseState.OBJECTION_REVIEW, null),
                "an objection came in time");
        assertEquals(Action.NONE, Timers.decide(OutboxKind.OBJECTION, CaseState.IN_PROGRESS, null));
    }

    @Test
    void aFinishedCaseIgnoresEveryTimer() {
        for (OutboxKind kind : new OutboxKind[] {OutboxKind.DEADLINE, OutboxKind.OVERDUE, OutboxKind.OBJECTION}) {
            assertEquals(Action.NONE, Timers.decide(kind, CaseState.APPROVED, StepState.PENDING), kind.name());
            assertEquals(Action.NONE, Timers.decide(kind, CaseState.REFUSED, StepState.PENDING), kind.name());
        }
    }

    @Test
    void aCallIsNotATimer() {
        assertFalse(OutboxKind.CALL.timer());
        assertTrue(OutboxKind.OVERDUE.timer());
        assertEquals(
                "kind: CALL (expected: a timer)",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> Timers.decide(OutboxKind.CALL, CaseState.IN_PROGRESS, StepState.PENDING))
                        .getMessage());
    }

    @Test
    void aTimerRowIsNamedAfterItsKindAndStepAndNamesItsStepBack() {
        assertEquals("DEADLINE:STATE_SECRETS_CHECK", OutboxKind.DEADLINE.rowName("STATE_SECRETS_CHECK"));
        assertEquals("OVERDUE:TAX_DEBT_CHECK_R", OutboxKind.OVERDUE.rowName("TAX_DEBT_CHECK_R"));
        assertEquals("OBJECTION", OutboxKind.OBJECTION.rowName(null));
        assertEquals("TAX_DEBT_CHECK", OutboxKind.CALL.rowName("TAX_DEBT_CHECK"));
        for (OutboxKind kind : new OutboxKind[] {OutboxKind.CALL, OutboxKind.DEADLINE, OutboxKind.OVERDUE}) {
            assertEquals("WANTED_CHECK", kind.stepOf(kind.rowName("WANTED_CHECK")), kind.name());
        }
    }
}
