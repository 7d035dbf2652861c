package kz.shlyuz.gateway.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import kz.shlyuz.gateway.process.FanInDecision.Decision;
import kz.shlyuz.gateway.process.FanInDecision.StepOutcome;
import org.junit.jupiter.api.Test;

/** The fan-in rule on its own, without a database. */
class FanInDecisionTest {
    private static StepOutcome clear(String name) {
        return new StepOutcome(name, StepState.CLEAR, null, null, null, null);
    }

    private static StepOutcome grounds(String name, String code) {
        return new StepOutcome(name, StepState.GROUNDS, code, code + " kk", code + " ru", "ref-" + code);
    }

    @Test
    void waitsWhileAnyStepOfTheStageIsPending() {
        assertEquals(
                new Decision.Wait(),
                FanInDecision.decide(
                        List.of(clear("A"), new StepOutcome("B", StepState.PENDING, null, null, null, null)),
                        false,
                        CaseState.IN_PROGRESS,
                        0,
                        2));
    }

    @Test
    void waitsForAnUndeliveredStepAsForAPendingOneEvenWhenAnotherFoundGrounds() {
        StepOutcome undelivered = new StepOutcome("B", StepState.UNDELIVERED, null, null, null, null);
        assertEquals(
                new Decision.Wait(),
                FanInDecision.decide(List.of(grounds("A", "WANTED"), undelivered), false, CaseState.IN_PROGRESS, 0, 2));
    }

    @Test
    void refusesAtOnceQuotingEveryGroundFoundAndEveryFailure() {
        StepOutcome failed = new StepOutcome("C", StepState.FAILED, "AGENCY_REFUSED", "жоқ", "нет", null);
        assertEquals(
                new Decision.Refuse("WANTED,AGENCY_REFUSED", "WANTED kk; жоқ", "WANTED ru; нет"),
                FanInDecision.decide(
                        List.of(clear("A"), grounds("B", "WANTED"), failed), false, CaseState.IN_PROGRESS, 0, 3));
    }

    @Test
    void givesAPreliminaryRefusalFirstWhereTheServiceHasOne() {
        assertEquals(
                new Decision.PreliminaryRefusal("WANTED", "WANTED kk", "WANTED ru"),
                FanInDecision.decide(List.of(grounds("B", "WANTED")), true, CaseState.IN_PROGRESS, 1, 3));
    }

    @Test
    void refusesFinallyWhenGroundsAreFoundAgainAfterAnObjection() {
        assertEquals(
                new Decision.Refuse("WANTED", "WANTED kk", "WANTED ru"),
                FanInDecision.decide(List.of(grounds("B", "WANTED")), true, CaseState.OBJECTION_REVIEW, 1, 3));
    }

    @Test
    void startsTheNextStageSayingWhatTheClearStageFound() {
        StepOutcome done = new StepOutcome("E", StepState.DONE, null, "Тіркелді", "Зарегистрирован", "REG-1");
        StepOutcome skipped = new StepOutcome("S", StepState.SKIPPED, null, null, null, null);
        assertEquals(
                new Decision.NextStage(2, false, "Тіркелді.", "Зарегистрирован."),
                FanInDecision.decide(List.of(done, skipped), false, CaseState.IN_PROGRESS, 1, 3));
        assertEquals(
                new Decision.NextStage(
                        1,
                        true,
                        "Тексерулер кедергі келтіретін негіздер таппады.",
                        "Проверки не выявили препятствующих оснований."),
                FanInDecision.decide(List.of(clear("A"), skipped), true, CaseState.OBJECTION_REVIEW, 0, 2));
    }

    @Test
    void approvesAfterTheLastStageWithTheLastStepsReference() {
        StepOutcome first = new StepOutcome("A", StepState.DONE, null, "бір", "один", "R-A");
        StepOutcome last = new StepOutcome("B", StepState.DONE, null, "екі", "два", "R-B");
        assertEquals(
                new Decision.Approve("бір; екі", "один; два", "R-B"),
                FanInDecision.decide(List.of(first, last), false, CaseState.IN_PROGRESS, 2, 3));
        assertEquals(
                new Decision.Approve("—", "—", null),
                FanInDecision.decide(List.of(clear("A")), false, CaseState.IN_PROGRESS, 0, 1));
    }
}
