package kz.shlyuz.gateway.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import kz.shlyuz.gateway.calendar.KazakhstanCalendar;
import kz.shlyuz.gateway.calendar.Term;
import kz.shlyuz.gateway.process.CaseTransitions.PlannedStep;
import kz.shlyuz.gateway.services.Stage;
import kz.shlyuz.gateway.services.StepKind;
import kz.shlyuz.gateway.services.StepSpec;
import org.junit.jupiter.api.Test;

/** The pure parts of a case's transitions: how a stage starts and what an answer makes of a step. */
class CaseTransitionsTest {
    private static final Instant NOW = Instant.parse("2026-11-20T04:00:00Z");
    private static final StepSpec CHECK = step("TAX_DEBT_CHECK", StepKind.CHECK, Term.hours(1));
    private static final StepSpec OPTIONAL = step("STATE_SECRETS_CHECK", StepKind.OPTIONAL_CHECK, Term.minutes(30));
    private static final StepSpec EFFECT = step("EXIT_PERMIT_ISSUE", StepKind.EFFECT, Term.hours(2));

    private static StepSpec step(String name, StepKind kind, Term term) {
        return new StepSpec(name, kind, "tax", name, facts -> null, term, name + " kk", name + " ru");
    }

    @Test
    void aStageStartsEveryStepWithItsTermAndTheTimerThatGuardsIt() {
        List<PlannedStep> plan =
                CaseTransitions.plan(Stage.of(CHECK, OPTIONAL, EFFECT), 1, NOW, new KazakhstanCalendar());
        assertEquals(
                List.of(
                        new PlannedStep(
                                CHECK, "TAX_DEBT_CHECK", Instant.parse("2026-11-20T05:00:00Z"), OutboxKind.OVERDUE),
                        new PlannedStep(
                                OPTIONAL,
                                "STATE_SECRETS_CHECK",
                                Instant.parse("2026-11-20T04:30:00Z"),
                                OutboxKind.DEADLINE),
                        new PlannedStep(
                                EFFECT,
                                "EXIT_PERMIT_ISSUE",
                                Instant.parse("2026-11-20T06:00:00Z"),
                                OutboxKind.OVERDUE)),
                plan);
    }

    @Test
    void aReDecisionAfterAnObjectionRunsTheStageAgainUnderNewStepNames() {
        List<PlannedStep> plan = CaseTransitions.plan(Stage.of(CHECK), 2, NOW, new KazakhstanCalendar());
        assertEquals("TAX_DEBT_CHECK_R", plan.get(0).name());
        assertEquals("TAX_DEBT_CHECK", CaseTransitions.baseName("TAX_DEBT_CHECK_R"));
        assertEquals("TAX_DEBT_CHECK", CaseTransitions.baseName("TAX_DEBT_CHECK"));
    }

    @Test
    void anAnswerMakesTheStepClearGroundsDoneOrFailed() {
        assertEquals(StepState.CLEAR, StepState.of(new StepResult.Clear()));
        assertEquals(StepState.GROUNDS, StepState.of(new StepResult.Grounds("WANTED", "kk", "ru", "R-1")));
        assertEquals(StepState.DONE, StepState.of(new StepResult.Done("P-1", "kk", "ru")));
        assertEquals(StepState.FAILED, StepState.of(new StepResult.Failed("AGENCY_REFUSED", "kk", "ru")));
    }

    @Test
    void onlyPendingAndUndeliveredStepsKeepAStageOpen() {
        for (StepState state : StepState.values()) {
            assertEquals(
                    state == StepState.PENDING || state == StepState.UNDELIVERED, state.awaitsAnswer(), state.name());
        }
    }

    @Test
    void onlyApprovedAndRefusedCasesAreFinishedAndEachHasItsFinalEvent() {
        assertTrue(CaseState.APPROVED.finished());
        assertTrue(CaseState.REFUSED.finished());
        assertFalse(CaseState.IN_PROGRESS.finished());
        assertFalse(CaseState.PRELIMINARY_REFUSAL.finished());
        assertFalse(CaseState.OBJECTION_REVIEW.finished());
        assertEquals(CaseEvent.APPROVED, CaseEvent.finished(CaseState.APPROVED));
        assertEquals(CaseEvent.REFUSED, CaseEvent.finished(CaseState.REFUSED));
        assertEquals(
                "state: IN_PROGRESS (expected: APPROVED or REFUSED)",
                assertThrows(IllegalArgumentException.class, () -> CaseEvent.finished(CaseState.IN_PROGRESS))
                        .getMessage());
    }

    @Test
    void theStoredAndWireStringsAreTheConstantNames() {
        // Rows written before the enums, and clients, read these exact strings.
        assertEquals(
                List.of("IN_PROGRESS", "PRELIMINARY_REFUSAL", "OBJECTION_REVIEW", "APPROVED", "REFUSED"),
                names(CaseState.values()));
        assertEquals(
                List.of("PENDING", "CLEAR", "GROUNDS", "DONE", "FAILED", "SKIPPED", "UNDELIVERED"),
                names(StepState.values()));
        assertEquals(List.of("CALL", "DEADLINE", "OVERDUE", "OBJECTION", "HEARING"), names(OutboxKind.values()));
        assertEquals(List.of("PENDING", "DONE", "CANCELLED", "FAILED"), names(OutboxState.values()));
        assertEquals(
                List.of(
                        "ACCEPTED",
                        "STAGE_DONE",
                        "STEP_OVERDUE",
                        "STEP_PASSED_OVER",
                        "STEP_UNDELIVERED",
                        "PRELIMINARY_REFUSAL",
                        "OBJECTION_RECEIVED",
                        "DRAFT_REFUSAL_DELIVERED",
                        "HEARING_NOTICE_OVERDUE",
                        "APPROVED",
                        "REFUSED"),
                names(CaseEvent.values()));
    }

    private static List<String> names(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(Enum::name).toList();
    }
}
