package kz.shlyuz.gateway.process;

import java.time.Instant;

/**
 * One status message of a case as its transaction wrote it: what the records the regulations
 * require (registers, stage reports to the monitoring system) are made from, inside the same
 * transaction ({@link FeedSignal#written}).
 *
 * @param seq the status message's cursor: unique and stable once committed
 * @param stage the stage the case is at after the event, from 0
 * @param state where the case stands after the event, as this transaction left it
 * @param nextDue the term of what comes next, or null
 */
public record StageChange(
        long seq,
        String caseId,
        String sender,
        String serviceId,
        CaseEvent event,
        int stage,
        CaseState state,
        Instant at,
        Instant nextDue) {}
