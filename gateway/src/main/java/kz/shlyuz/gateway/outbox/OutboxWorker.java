package kz.shlyuz.gateway.outbox;

import com.google.protobuf.Any;
import com.google.protobuf.util.Timestamps;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import kz.shlyuz.gateway.call.AgencyAnswerVerifier;
import kz.shlyuz.gateway.process.OutboxItem;
import kz.shlyuz.gateway.process.OutboxKind;
import kz.shlyuz.gateway.process.ProcessEngine;
import kz.shlyuz.gateway.process.RetryPolicy;
import kz.shlyuz.gateway.process.StepResult;
import kz.shlyuz.gateway.routing.AgencyClients;
import kz.shlyuz.gateway.status.Reason;
import kz.shlyuz.gateway.status.Refusal;
import kz.shlyuz.proto.v1.AgencyRequest;
import kz.shlyuz.proto.v1.SignedResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the outbox, leases due rows in batches and carries them out on a small pool. At most
 * {@code parallelism} agency calls run at once, and at most {@link #IN_FLIGHT_PER_WORKER} ×
 * {@code parallelism} rows are leased and not yet finished, so running cases takes a bounded share
 * of the machine while Submits are acknowledged. A row counts as finished only once its result is
 * committed (in a group with other results and Submits). When a poll found more due rows than it
 * could take, the next poll comes as soon as a quarter of the slots are free rather than after the
 * poll interval, so a backlog drains at the rate the agencies answer.
 */
public final class OutboxWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);
    /** Transient: the agency may answer later, so the row is retried with backoff. */
    private static final Set<Reason> TRANSIENT =
            Set.of(Reason.AGENCY_UNAVAILABLE, Reason.AGENCY_TIMEOUT, Reason.AGENCY_SIGNATURE_INVALID);
    /** Leased rows per worker thread: results waiting for their group's commit free the thread meanwhile. */
    static final int IN_FLIGHT_PER_WORKER = 8;

    private final ProcessEngine engine;
    private final AgencyClients agencies;
    private final AgencyAnswerVerifier answers;
    private final kz.shlyuz.gateway.evidence.EvidenceLog evidence;
    private final String owner;
    private final Duration lease;
    private final Duration pollInterval;
    private final Thread poller;
    private final ExecutorService pool;
    /** The rows in flight, each with when (System.nanoTime) its lease was last taken or renewed. */
    private final Map<Long, Long> inFlight = new ConcurrentHashMap<>();

    private final int capacity;
    private final BlockingQueue<Boolean> wake = new ArrayBlockingQueue<>(1);
    /** The last poll leased all it asked for: more rows are probably due. */
    private volatile boolean backlog;

    private volatile boolean closed;
    /** While set, no rows are leased: Submits are still acknowledged, their cases wait in the outbox. */
    private volatile boolean held;
    /** Turns of the poll loop so far, held or not (tests wait for turns instead of sleeping). */
    private final java.util.concurrent.atomic.AtomicLong turns = new java.util.concurrent.atomic.AtomicLong();

    private final LeaseHeartbeat heartbeats;

    /**
     * @param owner this node's name in leases
     * @param lease how long a leased row is ours without a heartbeat: how soon another node takes
     *     over the rows of a node that died
     * @param heartbeat how often the rows in flight are renewed ({@link LeaseHeartbeat})
     * @param parallelism agency calls at once
     */
    public OutboxWorker(
            ProcessEngine engine,
            AgencyClients agencies,
            AgencyAnswerVerifier answers,
            String owner,
            Duration lease,
            Duration heartbeat,
            Duration pollInterval,
            int parallelism,
            kz.shlyuz.gateway.evidence.EvidenceLog evidence) {
        this.evidence = evidence;
        this.engine = engine;
        this.agencies = agencies;
        this.answers = answers;
        this.owner = owner;
        this.lease = lease;
        this.pollInterval = pollInterval;
        this.capacity = parallelism * IN_FLIGHT_PER_WORKER;
        this.pool = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "shlyuz-outbox");
            t.setDaemon(true);
            return t;
        });
        this.poller = new Thread(this::pollLoop, "shlyuz-outbox-poll");
        this.poller.setDaemon(true);
        this.heartbeats = new LeaseHeartbeat(engine::renew, owner, lease, heartbeat, inFlight, System::nanoTime);
        this.poller.start();
    }

    private void pollLoop() {
        while (!closed) {
            try {
                int free = held ? 0 : capacity - inFlight.size();
                backlog = free > 0 && poll(free) == free;
                turns.incrementAndGet();
                wake.poll(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Leases up to {@code free} due rows and hands them to the pool; how many it leased. */
    private int poll(int free) {
        List<OutboxItem> items;
        Map<Long, ProcessEngine.CallOrder> orders;
        try {
            items = engine.lease(owner, lease, free);
        } catch (RuntimeException e) {
            log.warn("outbox poll failed: {}", e.toString());
            return 0;
        }
        try {
            orders = engine.orders(items);
        } catch (RuntimeException e) {
            log.warn("outbox orders of {} rows failed, each is read on its own: {}", items.size(), e.toString());
            orders = Map.of();
        }
        Map<Long, ProcessEngine.CallOrder> ordered = orders;
        for (OutboxItem item : items) {
            inFlight.put(item.id(), System.nanoTime());
            pool.execute(() -> {
                CompletableFuture<Void> done;
                try {
                    done = run(item, ordered.get(item.id()));
                } catch (RuntimeException e) {
                    done = CompletableFuture.failedFuture(e);
                }
                var unused = done.whenComplete((ok, e) -> {
                    if (e != null) {
                        // The lease runs out and the row is retried; the fault must be seen.
                        log.error("outbox row {} ({} {}) failed", item.id(), item.kind(), item.stepName(), e);
                    }
                    finished(item);
                });
            });
        }
        return items.size();
    }

    private void finished(OutboxItem item) {
        inFlight.remove(item.id());
        if (backlog && capacity - inFlight.size() >= Math.max(1, capacity / 4)) {
            wake.offer(Boolean.TRUE);
        }
    }

    /**
     * Carries out one row; the future completes once its outcome is committed.
     *
     * @param order what a CALL row asks, read with its batch (null: read it now)
     */
    private CompletableFuture<Void> run(OutboxItem item, ProcessEngine.CallOrder order) {
        if (item.kind() != OutboxKind.CALL) {
            engine.fire(item, owner);
            return CompletableFuture.completedFuture(null);
        }
        if (order == null) {
            order = engine.order(item);
        }
        AgencyRequest request = AgencyRequest.newBuilder()
                .setRequestId(item.requestId())
                .setServiceId(order.serviceId())
                .setOperation(order.operation())
                .setBody(Any.pack(order.body()))
                .setOriginSystem(order.sender())
                .setOriginal(order.original())
                .setSentAt(Timestamps.fromMillis(engine.clock().millis()))
                .build();
        StepResult result;
        java.time.Instant asked = engine.clock().instant();
        long start = System.nanoTime();
        SignedResponse answer = null;
        try {
            answer = agencies.call(order.adapter(), request);
            AgencyAnswerVerifier.Verified verified =
                    answers.verifySigned(order.adapter(), agencies.endpoint(order.adapter()), item.requestId(), answer);
            result = StepAnswers.interpret(verified.content().getBody());
            // The step's result is committed only once the agency's answer is kept.
            StepAnswers.keep(
                    evidence, engine.clock(), item, order, asked, start, answer, verified.signers(), null, result);
        } catch (Refusal refusal) {
            if (answer != null) {
                StepAnswers.keep(evidence, engine.clock(), item, order, asked, start, answer, null, refusal, null);
            }
            if (TRANSIENT.contains(refusal.reason())) {
                RetryPolicy.Next next = engine.retryLater(item, owner, refusal.reason() + " " + refusal.detail());
                if (next instanceof RetryPolicy.Next.RetryAfter after) {
                    log.info(
                            "case {} step {}: {} ({}), retrying in {} (attempt {} of {})",
                            item.caseId(),
                            item.stepName(),
                            refusal.reason(),
                            order.adapter(),
                            after.delay(),
                            item.attempts() + 1,
                            engine.retryPolicy().maxAttempts());
                }
                return CompletableFuture.completedFuture(null);
            }
            result = new StepResult.Failed(
                    refusal.reason().name(),
                    refusal.reason().kazakh(refusal.detail()),
                    refusal.reason().russian(refusal.detail()));
        }
        return engine.completeLater(item, owner, result);
    }

    /**
     * Holds or resumes this node's case work: while held the node leases no outbox rows (agency
     * calls and timers), rows already in flight finish, and other nodes go on taking due rows. The
     * bench holds it to measure acknowledgements apart from the cases' agency work.
     */
    public void hold(boolean hold) {
        held = hold;
        if (!hold) {
            wake.offer(Boolean.TRUE);
        }
    }

    /** How many times the poll loop has looked for due rows (or found itself held) so far. */
    public long turns() {
        return turns.get();
    }

    @Override
    public void close() {
        closed = true;
        heartbeats.close();
        poller.interrupt();
        pool.shutdown();
        try {
            poller.join(5000);
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
