package kz.shlyuz.gateway.outbox;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.Timestamps;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import kz.shlyuz.gateway.call.AgencyAnswerVerifier;
import kz.shlyuz.gateway.process.OutboxItem;
import kz.shlyuz.gateway.process.ProcessEngine;
import kz.shlyuz.gateway.process.StepResult;
import kz.shlyuz.gateway.routing.AgencyClients;
import kz.shlyuz.gateway.status.Reason;
import kz.shlyuz.gateway.status.Refusal;
import kz.shlyuz.proto.v1.AgencyRequest;
import kz.shlyuz.proto.v1.CheckResult;
import kz.shlyuz.proto.v1.EffectReceipt;
import kz.shlyuz.proto.v1.ResponseContent;
import kz.shlyuz.proto.v1.SignedResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Polls the outbox, leases due rows and carries them out on a small pool. */
public final class OutboxWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);
    /** Transient: the agency may answer later, so the row is retried with backoff. */
    private static final Set<Reason> TRANSIENT = Set.of(Reason.AGENCY_UNAVAILABLE, Reason.AGENCY_TIMEOUT,
            Reason.AGENCY_SIGNATURE_INVALID);

    private final ProcessEngine engine;
    private final AgencyClients agencies;
    private final AgencyAnswerVerifier answers;
    private final String owner;
    private final Duration lease;
    private final ScheduledExecutorService poller;
    private final ExecutorService pool;
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private final int parallelism;

    /**
     * @param owner this node's name in leases
     * @param lease how long a leased row is ours; longer than an agency call with its retries
     */
    public OutboxWorker(ProcessEngine engine, AgencyClients agencies, AgencyAnswerVerifier answers, String owner,
            Duration lease, Duration pollInterval, int parallelism) {
        this.engine = engine;
        this.agencies = agencies;
        this.answers = answers;
        this.owner = owner;
        this.lease = lease;
        this.parallelism = parallelism;
        this.pool = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "shlyuz-outbox");
            t.setDaemon(true);
            return t;
        });
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "shlyuz-outbox-poll");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::poll, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void poll() {
        try {
            int free = parallelism * 2 - inFlight.size();
            if (free <= 0) {
                return;
            }
            List<OutboxItem> items = engine.lease(owner, lease, free);
            for (OutboxItem item : items) {
                inFlight.add(item.id());
                pool.execute(() -> {
                    try {
                        run(item);
                    } catch (RuntimeException e) {
                        // The lease runs out and the row is retried; the fault must be seen.
                        log.error("outbox row {} ({} {}) failed", item.id(), item.kind(), item.stepName(), e);
                    } finally {
                        inFlight.remove(item.id());
                    }
                });
            }
        } catch (RuntimeException e) {
            log.warn("outbox poll failed: {}", e.toString());
        }
    }

    private void run(OutboxItem item) {
        if (!item.kind().equals("CALL")) {
            engine.fire(item, owner);
            return;
        }
        ProcessEngine.CallOrder order = engine.order(item);
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
        try {
            SignedResponse answer = agencies.call(order.adapter(), request);
            ResponseContent content = answers.verify(order.adapter(), agencies.endpoint(order.adapter()),
                    item.requestId(), answer);
            result = interpret(content.getBody());
        } catch (Refusal refusal) {
            if (TRANSIENT.contains(refusal.reason())) {
                log.info("case {} step {}: {} ({}), retrying later (attempt {})", item.caseId(), item.stepName(),
                        refusal.reason(), order.adapter(), item.attempts() + 1);
                engine.retryLater(item, owner, refusal.reason() + " " + refusal.detail());
                return;
            }
            result = new StepResult.Failed(refusal.reason().name(), refusal.reason().kazakh(refusal.detail()),
                    refusal.reason().russian(refusal.detail()));
        }
        engine.complete(item, owner, result);
    }

    private static StepResult interpret(Any body) {
        try {
            if (body.is(CheckResult.class)) {
                CheckResult check = body.unpack(CheckResult.class);
                return check.getGroundsFound()
                        ? new StepResult.Grounds(check.getGroundCode(), check.getGroundKk(), check.getGroundRu(),
                                check.getRecordRef())
                        : new StepResult.Clear();
            }
            if (body.is(EffectReceipt.class)) {
                EffectReceipt receipt = body.unpack(EffectReceipt.class);
                return new StepResult.Done(receipt.getReference(), receipt.getTextKk(), receipt.getTextRu());
            }
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("agency answer body unreadable", e);
        }
        // A lookup (address, documents): the register knows the person, nothing bars the service.
        return new StepResult.Clear();
    }

    @Override
    public void close() {
        poller.shutdownNow();
        pool.shutdown();
        try {
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
