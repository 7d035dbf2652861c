package kz.shlyuz.gateway.process;

import com.google.protobuf.Message;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;
import kz.shlyuz.gateway.admission.AdmittedRequest;
import kz.shlyuz.gateway.calendar.KazakhstanCalendar;
import kz.shlyuz.gateway.services.Services;
import kz.shlyuz.proto.v1.DraftRefusalDelivery;
import kz.shlyuz.proto.v1.PreliminaryRefusalObjection;
import kz.shlyuz.proto.v1.SignedRequest;
import kz.shlyuz.proto.v1.SubmitAck;

/**
 * Moves cases through their regulations: the one entry point of the process layer, composing
 * its parts — {@link CaseIntake} (Submits and objections), {@link OutboxStore} (the SQL of the
 * outbox), {@link CaseTransitions} (state changes, with the pure {@link FanInDecision}),
 * {@link Timers}, {@link RetryPolicy} and {@link CaseIds}. Every change is one database
 * transaction that locks the case row, so concurrent answers of a fan-out stage (and several
 * gateway nodes) fan in exactly once; the step's result, the next stage's steps and outbox rows,
 * the status message and the completion notice commit together or not at all.
 */
public final class ProcessEngine implements AutoCloseable {
    private final DataSource db;
    /** The services' processes, and the body types of the stored requests. */
    private final Services services;

    private final Clock clock;
    private final RetryPolicy retry;
    private final CaseWriter writer;
    private final OutboxStore outbox;
    private final CaseTransitions transitions;
    private final CaseIntake intake;
    private final FollowUpIntake followUps;
    private final Timers timers;
    private final StepOrders orders;
    private final FeedSignal signal;
    private final DeliveryControl deliveries;

    /** With the {@linkplain RetryPolicy#defaults() default retry policy}, leases on the system clock. */
    public ProcessEngine(DataSource db, Services services, Clock clock, KazakhstanCalendar calendar) {
        this(db, services, clock, calendar, RetryPolicy.defaults(), Clock.systemUTC(), new SecureRandom());
    }

    /**
     * @param clock the process clock: due dates, terms, timers and case ids
     * @param retry what a step whose agency cannot be reached does
     * @param wallClock the clock of outbox leases, which must run in real time (the system clock)
     * @param random the random part of case ids
     */
    public ProcessEngine(
            DataSource db,
            Services services,
            Clock clock,
            KazakhstanCalendar calendar,
            RetryPolicy retry,
            Clock wallClock,
            RandomGenerator random) {
        this(db, services, clock, calendar, retry, wallClock, random, FeedSignal.NONE);
    }

    /**
     * As above, telling {@code signal} of every committed status message, so that open streams
     * (on this node, and through PostgreSQL's NOTIFY on the others) read only when there is news.
     */
    public ProcessEngine(
            DataSource db,
            Services services,
            Clock clock,
            KazakhstanCalendar calendar,
            RetryPolicy retry,
            Clock wallClock,
            RandomGenerator random,
            FeedSignal signal) {
        this.signal = signal;
        this.db = db;
        this.services = services;
        this.clock = clock;
        this.retry = retry;
        this.writer = new CaseWriter(db, signal);
        this.outbox = new OutboxStore(db, wallClock);
        this.transitions = new CaseTransitions(services, calendar, outbox);
        this.intake = new CaseIntake(db, services, clock, calendar, new CaseIds(clock, random), transitions, writer);
        this.followUps = new FollowUpIntake(db, clock, calendar, transitions, signal);
        this.timers = new Timers(outbox, transitions);
        this.orders = new StepOrders(db, services, transitions);
        this.deliveries = new DeliveryControl(transitions);
    }

    /**
     * An operator sends an agency call again now (issue 14): a given-up row ({@link OutboxState#FAILED},
     * its step {@link StepState#UNDELIVERED}) or one waiting between retries.
     *
     * @param outboxId the row's {@code outbox.id}
     * @return false when the row is not an agency call waiting for delivery or its case is finished
     */
    public boolean resendDelivery(long outboxId) {
        return Sql.transaction(db, signal, tx -> deliveries.resend(tx, outboxId, clock.instant()));
    }

    /**
     * An operator stops an agency call for good (issue 14, ШЭП DELIVERY_STOPPED): the step fails with
     * that code and the case decides on without it.
     *
     * @return false when the row is not an agency call waiting for delivery or its case is finished
     */
    public boolean stopDelivery(long outboxId) {
        return Sql.transaction(db, signal, tx -> deliveries.stop(tx, outboxId, clock.instant()));
    }

    /** Writes the Submits and step results still queued, then stops the group writer. */
    @Override
    public void close() {
        writer.close();
    }

    public Clock clock() {
        return clock;
    }

    public Services services() {
        return services;
    }

    public RetryPolicy retryPolicy() {
        return retry;
    }

    /**
     * Records the request and opens its case in one transaction, then answers: the claim of the
     * message id, the case, the first stage's steps and outbox rows, the ACCEPTED status message.
     * A retry of the same message gets the recorded acknowledgement.
     */
    public SubmitAck submit(AdmittedRequest request) {
        return intake.submit(request);
    }

    /**
     * An applicant's objection to a preliminary refusal (001), as its own signed message naming
     * the case: accepted only while the window is open and only from the applicant; internal
     * affairs then decides again: a service with a {@linkplain
     * kz.shlyuz.gateway.services.HearingRules hearing} in its own re-decision step, which receives
     * the objection's reasons and materials; any other by the stage that found grounds running again.
     */
    public SubmitAck object(AdmittedRequest request, PreliminaryRefusalObjection objection) {
        return followUps.object(request, objection);
    }

    /**
     * The consulate's report that the applicant received the draft preliminary refusal (001 §11
     * ¶3), as its own signed message naming the case: the objection window opens from that day.
     */
    public SubmitAck draftDelivered(AdmittedRequest request, DraftRefusalDelivery delivery) {
        return followUps.draftDelivered(request, delivery);
    }

    /**
     * Leases due rows for {@code owner}: pending, due by the process clock, and not leased or
     * leased by someone whose lease ran out (a crashed node).
     */
    public List<OutboxItem> lease(String owner, Duration leaseFor, int limit) {
        return outbox.lease(owner, leaseFor, limit, clock.instant());
    }

    /**
     * Extends {@code owner}'s lease of the rows in flight by {@code leaseFor} from now (wall clock):
     * the heartbeat that lets a slow agency call keep its row under a short lease.
     *
     * @return those renewed: still this owner's and pending, and not locked by another transaction
     */
    public java.util.Set<Long> renew(String owner, java.util.Collection<Long> ids, Duration leaseFor) {
        return outbox.renew(owner, ids, leaseFor);
    }

    /** What a CALL row asks: the adapter, operation, order body and the original request. */
    public record CallOrder(
            String adapter, String operation, String serviceId, String sender, Message body, SignedRequest original) {}

    public CallOrder order(OutboxItem item) {
        return orders.order(item);
    }

    /**
     * The orders of the CALL rows among {@code items} (by row id), read on one connection with one
     * statement. A row whose case cannot be read is left out (it is retried when its lease runs out).
     */
    public Map<Long, CallOrder> orders(List<OutboxItem> items) {
        return orders.orders(items);
    }

    /** The agency answered a CALL row: record the step's result and move the case on. */
    public void complete(OutboxItem item, String owner, StepResult result) {
        GroupCommits.await(completeLater(item, owner, result));
    }

    /**
     * As {@link #complete}, committed in a group with the Submits and step results that arrive
     * meanwhile; the future completes once that group's commit has returned (or fails, and the
     * row, still leased, is retried when the lease runs out).
     */
    public CompletableFuture<Void> completeLater(OutboxItem item, String owner, StepResult result) {
        return writer.submit(
                tx -> {
                    CaseRecord row = CaseRecord.load(tx, item.caseId(), true);
                    if (outbox.markDone(tx, item, owner, true)) {
                        transitions.recordResult(tx, row, item.stepName(), result, clock.instant());
                    } // else someone else took it over (our lease ran out); their result stands
                    return null;
                },
                GroupCommits.WRITE_TIMEOUT.toMillis());
    }

    /**
     * The agency could not be reached: try again later with the {@link RetryPolicy}'s backoff,
     * keeping the request id; after its maximum the row is given up and the step is
     * {@link StepState#UNDELIVERED}.
     *
     * @return what was decided
     */
    public RetryPolicy.Next retryLater(OutboxItem item, String owner, String error) {
        Instant now = clock.instant();
        RetryPolicy.Next next = retry.afterFailure(item.attempts() + 1);
        if (next instanceof RetryPolicy.Next.RetryAfter after) {
            Sql.transaction(db, signal, tx -> outbox.reschedule(tx, item, owner, now.plus(after.delay()), error));
        } else {
            Sql.transaction(db, signal, tx -> {
                CaseRecord row = CaseRecord.load(tx, item.caseId(), true);
                if (outbox.giveUp(tx, item, owner, error)) {
                    transitions.undelivered(tx, row, item.stepName(), item.attempts() + 1, now);
                }
                return null;
            });
        }
        return next;
    }

    /** A timer row came due. */
    public void fire(OutboxItem item, String owner) {
        Sql.transaction(db, signal, tx -> {
            timers.fire(tx, item, owner, clock.instant());
            return null;
        });
    }

    /**
     * The agency's request id for a step: derived from the case and the step only, so every retry
     * of the step — by this node or, after a crash, by another — is the same request.
     */
    public static String requestId(String caseId, String stepName) {
        return CaseIds.requestId(caseId, stepName);
    }
}
