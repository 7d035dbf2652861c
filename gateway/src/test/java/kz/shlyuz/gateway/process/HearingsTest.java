package kz.shlyuz.gateway.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import kz.shlyuz.gateway.calendar.KazakhstanCalendar;
import kz.shlyuz.gateway.services.HearingRules;
import kz.shlyuz.gateway.services.Service;
import kz.shlyuz.gateway.services.Services;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The terms of the right to be heard (001 §11) as the consular service defines them, on Kazakhstan's calendar. */
class HearingsTest {
    private static final KazakhstanCalendar CALENDAR = new KazakhstanCalendar();
    private static final HearingRules RULES =
            Services.standard().get(Service.CONSULAR_PERMANENT_STAY).process().hearing();

    @Test
    @DisplayName("001 §11 ¶1: the consulate's term for the draft is 5 working days from the grounds")
    void noticeIsDueFiveWorkingDaysAfterTheGrounds() {
        // Fri 20 Nov 2026 → Fri 27 Nov 18:30; the term (Mon 22 Feb 2027) is far off.
        assertEquals(
                Instant.parse("2026-11-27T13:30:00Z"),
                Hearings.noticeDue(
                        RULES, Instant.parse("2026-11-20T04:00:00Z"), Instant.parse("2027-02-22T13:30:00Z"), CALENDAR));
    }

    @Test
    @DisplayName("001 §11 ¶2: the hearing notice goes out at least 3 working days before the term ends")
    void noticeIsDueThreeWorkingDaysBeforeTheTermWhenTheGroundsComeLate() {
        // Grounds on Mon 15 Feb 2027, term Mon 22 Feb: 5 wd would be the 22nd itself; 3 wd before is Wed 17 Feb.
        assertEquals(
                Instant.parse("2027-02-17T13:30:00Z"),
                Hearings.noticeDue(
                        RULES, Instant.parse("2027-02-15T04:00:00Z"), Instant.parse("2027-02-22T13:30:00Z"), CALENDAR));
    }

    @Test
    @DisplayName("001 §11 ¶3: the objection window is 2 working days from the day of delivery, over a weekend")
    void objectionWindowCountsWorkingDaysFromTheDeliveryDay() {
        // Delivered on Friday 27 Nov 2026: Monday and Tuesday, to 1 Dec 18:30.
        assertEquals(
                Instant.parse("2026-12-01T13:30:00Z"),
                Hearings.objectionDue(RULES, LocalDate.of(2026, 11, 27), CALENDAR));
    }

    @Test
    void hearingTimerReportsOnlyWhileThePreliminaryRefusalWaits() {
        assertEquals(
                Timers.Action.REPORT_HEARING_LATE,
                Timers.decide(OutboxKind.HEARING, CaseState.PRELIMINARY_REFUSAL, null));
        assertEquals(Timers.Action.NONE, Timers.decide(OutboxKind.HEARING, CaseState.OBJECTION_REVIEW, null));
        assertEquals(Timers.Action.NONE, Timers.decide(OutboxKind.HEARING, CaseState.REFUSED, null));
    }
}
