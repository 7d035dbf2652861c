package kz.shlyuz.gateway.process;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.Timestamps;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import kz.shlyuz.certs.identity.Iin;
import kz.shlyuz.gateway.admission.AdmittedRequest;
import kz.shlyuz.gateway.calendar.KazakhstanCalendar;
import kz.shlyuz.gateway.journal.JournalException;
import kz.shlyuz.gateway.services.ProcessDefinition;
import kz.shlyuz.gateway.services.Services;
import kz.shlyuz.gateway.services.Stage;
import kz.shlyuz.gateway.services.StepKind;
import kz.shlyuz.gateway.services.StepSpec;
import kz.shlyuz.gateway.status.Reason;
import kz.shlyuz.gateway.status.Refusal;
import kz.shlyuz.proto.v1.PreliminaryRefusalObjection;
import kz.shlyuz.proto.v1.SignedRequest;
import kz.shlyuz.proto.v1.SubmitAck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves cases through their regulations. Every change is one database transaction that locks
 * the case row, so concurrent answers of a fan-out stage (and several gateway nodes) fan in
 * exactly once; the step's result, the next stage's steps and outbox rows, the status message
 * and the completion notice commit together or not at all.
 */
public final class ProcessEngine implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ProcessEngine.class);
    private static final String UNIQUE_VIOLATION = "23505";
    /** Suffix of a step re-run after an objection (001: internal affairs decides again). */
    static final String REDECISION = "_R";
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);

    /** How long a Submit or a step result waits for the commit of its group. */
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(20);

    private final DataSource db;
    /** The services' processes, and the body types of the stored requests. */
    private final Services services;
    private final Clock clock;
    private final KazakhstanCalendar calendar;
    private final CaseWriter writer;

    public ProcessEngine(DataSource db, Services services, Clock clock, KazakhstanCalendar calendar) {
        this.db = db;
        this.services = services;
        this.clock = clock;
        this.calendar = calendar;
        this.writer = new CaseWriter(db);
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

    static String baseName(String stepName) {
        return stepName.endsWith(REDECISION) ? stepName.substring(0, stepName.length() - REDECISION.length()) : stepName;
    }

    // ------------------------------------------------------------------------------------------
    // Submit
    // ------------------------------------------------------------------------------------------

    /**
     * Records the request and opens its case in one transaction, then answers: the claim of the
     * message id, the case, the first stage's steps and outbox rows, the ACCEPTED status message.
     * A retry of the same message gets the recorded acknowledgement.
     */
    public SubmitAck submit(AdmittedRequest request) {
        ProcessDefinition definition = services.process(request.service().id());
        Message body = request.body();
        List<String> parties = definition.parties().apply(body);
        Instant now = clock.instant();
        String caseId = newCaseId(now);
        Instant caseDue = definition.caseTerm().apply(body).dueFrom(now, calendar);
        SubmitAck ack = SubmitAck.newBuilder().setCaseId(caseId).setMessageId(request.messageId())
                .setStatus("ACCEPTED").setAcceptedAt(Timestamps.fromMillis(now.toEpochMilli()))
                .setDueAt(Timestamps.fromMillis(caseDue.toEpochMilli())).build();
        CaseRecord row = CaseRecord.opened(caseId, request, parties, caseDue, body);
        List<StepSpec> first = definition.stagesFor(body).get(0).steps();
        byte[] content = request.signed().getContent().toByteArray();
        byte[] signature = request.signed().getSignature().toByteArray();
        // Committed in a group with the Submits and step results that arrive meanwhile; the
        // acknowledgement is returned only once that group's commit has returned.
        CompletableFuture<SubmitAck> written = writer.submit(tx -> {
            insertClaim(tx, request, ack, now);
            tx.update("INSERT INTO process_case (case_id, sender, message_id, service_id, citizen_iin, related_iin, "
                    + "state, stage, attempt, opened_at, due_at, request_content, request_signature) "
                    + "VALUES (?, ?, ?, ?, ?, ?, 'IN_PROGRESS', 0, 1, ?, ?, ?, ?)",
                    caseId, request.sender(), request.messageId(), request.service().id(), row.citizenIin,
                    row.relatedIin, now, caseDue, content, signature);
            Instant stepDue = startStage(tx, row, 0, 1, now);
            tx.feed.status(row, "ACCEPTED", Texts.accepted(definition, caseId, first, stepDue, caseDue), now, stepDue);
            return ack;
        }, WRITE_TIMEOUT.toMillis());
        try {
            return await(written);
        } catch (ClaimTaken taken) {
            return recordedAck(request);
        }
    }

    /** The result of work given to the case writer, waiting at most {@link #WRITE_TIMEOUT} (or the caller's deadline). */
    private static <T> T await(CompletableFuture<T> written) {
        try {
            return written.get(kz.shlyuz.gateway.batching.CallerDeadline.nanosLeft(WRITE_TIMEOUT), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new JournalException("case store", e.getCause());
        } catch (TimeoutException e) {
            throw new JournalException("case store: not committed within " + WRITE_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JournalException("interrupted before the case was known to be committed", e);
        }
    }

    /**
     * An applicant's objection to a preliminary refusal (001), as its own signed message naming
     * the case: accepted only while the window is open and only from the applicant; internal
     * affairs then decides again (the stage that found grounds runs again).
     */
    public SubmitAck object(AdmittedRequest request, PreliminaryRefusalObjection objection) {
        String correlation = request.content().getCorrelationId();
        if (!objection.getCaseId().isEmpty() && !objection.getCaseId().equals(correlation)) {
            throw new Refusal(Reason.BODY_INVALID, "case_id differs from correlation_id");
        }
        Instant now = clock.instant();
        try {
            return transaction(tx -> {
                CaseRecord row = CaseRecord.load(tx, correlation, true);
                if (row == null || !row.sender.equals(request.sender())
                        || !row.serviceId.equals(request.service().id())) {
                    throw new Refusal(Reason.CASE_NOT_FOUND, correlation.length() > 40
                            ? correlation.substring(0, 40) : correlation);
                }
                SubmitAck ack = SubmitAck.newBuilder().setCaseId(row.caseId).setMessageId(request.messageId())
                        .setStatus("OBJECTION_RECEIVED").setAcceptedAt(Timestamps.fromMillis(now.toEpochMilli()))
                        .setDueAt(Timestamps.fromMillis(row.dueAt.toEpochMilli())).build();
                // First the claim: a retry of an accepted objection gets its acknowledgement even
                // though the case has moved on; a refusal below rolls the claim back.
                insertClaim(tx, request, ack, now);
                if (!objection.getIin().equals(row.citizenIin)) {
                    throw new Refusal(Reason.SIGNER_MISMATCH, "the objection must come from the applicant");
                }
                if (!"PRELIMINARY_REFUSAL".equals(row.state) || row.objectionDueAt == null
                        || now.isAfter(row.objectionDueAt)) {
                    throw new Refusal(Reason.OBJECTION_NOT_EXPECTED, row.state);
                }
                cancelOutbox(tx, row.caseId, "OBJECTION");
                tx.update("UPDATE process_case SET state = 'OBJECTION_REVIEW', attempt = ? WHERE case_id = ?",
                        row.attempt + 1, row.caseId);
                row = CaseRecord.load(tx, row.caseId, false);
                Instant due = startStage(tx, row, row.stage, row.attempt, now);
                ProcessDefinition d = definition(row);
                tx.feed.status(row, "OBJECTION_RECEIVED", Texts.objectionReceived(
                        d.stagesFor(row.body(services)).get(row.stage).steps(), due), now, due);
                return ack;
            });
        } catch (ClaimTaken taken) {
            return recordedAck(request);
        }
    }

    private void insertClaim(Tx tx, AdmittedRequest request, SubmitAck ack, Instant now) throws SQLException {
        try {
            tx.update("INSERT INTO message_claim (sender, message_id, content_sha256, service_id, state, claimed_at, "
                    + "completed_at, response) VALUES (?, ?, ?, ?, 'COMPLETED', ?, ?, ?)", request.sender(),
                    request.messageId(), request.contentSha256(), request.service().id(), now, now, ack.toByteArray());
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new ClaimTaken();
            }
            throw e;
        }
    }

    private SubmitAck recordedAck(AdmittedRequest request) {
        return transaction(tx -> {
            try (PreparedStatement s = tx.c.prepareStatement("SELECT content_sha256, state, response FROM message_claim "
                    + "WHERE sender = ? AND message_id = ?")) {
                s.setString(1, request.sender());
                s.setString(2, request.messageId());
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw new Refusal(Reason.REQUEST_IN_PROGRESS, "");
                    }
                    if (!rs.getString(1).equals(request.contentSha256())) {
                        throw new Refusal(Reason.REPLAY_MISMATCH, "");
                    }
                    if (!"COMPLETED".equals(rs.getString(2)) || rs.getBytes(3) == null) {
                        throw new Refusal(Reason.REQUEST_IN_PROGRESS, "");
                    }
                    try {
                        return SubmitAck.parseFrom(rs.getBytes(3));
                    } catch (InvalidProtocolBufferException e) {
                        // The message id was used for a synchronous call: a different request.
                        throw new Refusal(Reason.REPLAY_MISMATCH, "");
                    }
                }
            }
        });
    }

    /**
     * {@code C<year>-<12 hex digits of the wall-clock millisecond><16 random hex digits>}: as unique
     * as before (64 random bits), and in time order, so the cases opened and finished together sit
     * together in the indexes keyed by case id (case, steps, outbox, status messages, notices) and a
     * commit rewrites a few index pages instead of one per case.
     */
    static String newCaseId(Instant now) {
        return "C" + now.atZone(KazakhstanCalendar.ZONE).getYear() + "-"
                + String.format(java.util.Locale.ROOT, "%012X", System.currentTimeMillis() & 0xFFFF_FFFF_FFFFL)
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase(java.util.Locale.ROOT);
    }

    // ------------------------------------------------------------------------------------------
    // Outbox: leasing and results
    // ------------------------------------------------------------------------------------------

    /**
     * Leases due rows for {@code owner}: pending, due by the process clock, and not leased or
     * leased by someone whose lease ran out (a crashed node).
     */
    public List<OutboxItem> lease(String owner, Duration leaseFor, int limit) {
        Instant now = clock.instant();
        Instant wall = Instant.now();
        List<OutboxItem> candidates = new ArrayList<>();
        try (Connection c = db.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("SELECT id, case_id, step_name, kind, request_id, attempts, "
                    + "due_at FROM outbox WHERE state = 'PENDING' AND due_at <= ? AND (lease_until IS NULL OR "
                    + "lease_until < ?) ORDER BY due_at, id")) {
                s.setMaxRows(limit);
                s.setTimestamp(1, Timestamp.from(now));
                s.setTimestamp(2, Timestamp.from(wall));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        candidates.add(new OutboxItem(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getInt(6), rs.getTimestamp(7).toInstant()));
                    }
                }
            }
            if (candidates.isEmpty()) {
                return List.of();
            }
            // All rows in one batch and one commit; each row's count says whether it was still free.
            int[] counts;
            c.setAutoCommit(false);
            try (PreparedStatement u = c.prepareStatement("UPDATE outbox SET lease_owner = ?, lease_until = ? "
                    + "WHERE id = ? AND state = 'PENDING' AND (lease_until IS NULL OR lease_until < ?)")) {
                for (OutboxItem item : candidates) {
                    u.setString(1, owner);
                    u.setTimestamp(2, Timestamp.from(wall.plus(leaseFor)));
                    u.setLong(3, item.id());
                    u.setTimestamp(4, Timestamp.from(wall));
                    u.addBatch();
                }
                counts = u.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            List<OutboxItem> leased = new ArrayList<>();
            for (int i = 0; i < candidates.size(); i++) {
                if (counts[i] == 1) {
                    leased.add(candidates.get(i));
                }
            }
            return leased;
        } catch (SQLException e) {
            throw new JournalException("outbox lease", e);
        }
    }

    /** What a CALL row asks: the adapter, operation, order body and the original request. */
    public record CallOrder(String adapter, String operation, String serviceId, String sender, Message body,
            SignedRequest original) {}

    public CallOrder order(OutboxItem item) {
        return transaction(tx -> order(tx, item));
    }

    /**
     * The orders of the CALL rows among {@code items} (by row id), read on one connection with one
     * statement: a leased batch costs one round of reads rather than a transaction per row. A row
     * whose case cannot be read is left out (it is retried when its lease runs out).
     */
    public Map<Long, CallOrder> orders(List<OutboxItem> items) {
        Map<Long, CallOrder> orders = new HashMap<>();
        if (items.stream().noneMatch(i -> i.kind().equals("CALL"))) {
            return orders;
        }
        try (Connection c = db.getConnection()) {
            Tx tx = new Tx(c);
            try {
                for (OutboxItem item : items) {
                    if (item.kind().equals("CALL")) {
                        try {
                            orders.put(item.id(), order(tx, item));
                        } catch (RuntimeException e) {
                            log.error("outbox row {}: the order of case {} step {} cannot be built", item.id(),
                                    item.caseId(), item.stepName(), e);
                        }
                    }
                }
            } finally {
                tx.close();
            }
        } catch (SQLException e) {
            throw new JournalException("outbox orders", e);
        }
        return orders;
    }

    private CallOrder order(Tx tx, OutboxItem item) throws SQLException {
        CaseRecord row = CaseRecord.load(tx, item.caseId(), false);
        StepSpec spec = definition(row).step(row.body(services), baseName(item.stepName()))
                .orElseThrow(() -> new IllegalStateException("no step " + item.stepName()));
        return new CallOrder(spec.adapter(), spec.operation(), row.serviceId, row.sender,
                spec.body().apply(row.facts(services)), SignedRequest.newBuilder()
                        .setContent(com.google.protobuf.ByteString.copyFrom(row.content))
                        .setSignature(com.google.protobuf.ByteString.copyFrom(row.signature)).build());
    }

    /** The agency answered a CALL row: record the step's result and move the case on. */
    public void complete(OutboxItem item, String owner, StepResult result) {
        await(completeLater(item, owner, result));
    }

    /**
     * As {@link #complete}, committed in a group with the Submits and step results that arrive
     * meanwhile; the future completes once that group's commit has returned (or fails, and the
     * row, still leased, is retried when the lease runs out).
     */
    public CompletableFuture<Void> completeLater(OutboxItem item, String owner, StepResult result) {
        return writer.submit(tx -> {
            CaseRecord row = CaseRecord.load(tx, item.caseId(), true);
            if (tx.update("UPDATE outbox SET state = 'DONE', lease_until = NULL, attempts = attempts + 1 WHERE id = ? "
                    + "AND state = 'PENDING' AND lease_owner = ?", item.id(), owner) != 1) {
                return null; // someone else took it over (our lease ran out); their result stands
            }
            Instant now = clock.instant();
            String state;
            String code = null, kk = null, ru = null, reference = null;
            if (result instanceof StepResult.Clear) {
                state = "CLEAR";
            } else if (result instanceof StepResult.Grounds g) {
                state = "GROUNDS";
                code = g.code();
                kk = g.kk();
                ru = g.ru();
                reference = g.recordRef();
            } else if (result instanceof StepResult.Done d) {
                state = "DONE";
                kk = d.kk();
                ru = d.ru();
                reference = d.reference();
            } else {
                StepResult.Failed f = (StepResult.Failed) result;
                state = "FAILED";
                code = f.code();
                kk = f.kk();
                ru = f.ru();
            }
            if (tx.update("UPDATE process_step SET state = ?, finished_at = ?, result_code = ?, result_kk = ?, "
                    + "result_ru = ?, reference = ? WHERE case_id = ? AND step_name = ? AND state = 'PENDING'",
                    state, now, code, kk, ru, reference, item.caseId(), item.stepName()) == 1) {
                evaluate(tx, row, now);
            }
            return null;
        }, WRITE_TIMEOUT.toMillis());
    }

    /** The agency could not be reached: try again later with backoff, keeping the request id. */
    public void retryLater(OutboxItem item, String owner, String error) {
        long seconds = Math.min(MAX_BACKOFF.toSeconds(), 1L << Math.min(20, item.attempts()));
        Instant next = clock.instant().plusSeconds(seconds);
        transaction(tx -> tx.update("UPDATE outbox SET attempts = attempts + 1, due_at = ?, lease_owner = NULL, "
                + "lease_until = NULL, last_error = ? WHERE id = ? AND state = 'PENDING' AND lease_owner = ?",
                next, error.length() > 500 ? error.substring(0, 500) : error, item.id(), owner));
    }

    /** A timer row came due. */
    public void fire(OutboxItem item, String owner) {
        transaction(tx -> {
            CaseRecord row = CaseRecord.load(tx, item.caseId(), true);
            if (tx.update("UPDATE outbox SET state = 'DONE', lease_until = NULL WHERE id = ? AND state = 'PENDING' "
                    + "AND lease_owner = ?", item.id(), owner) != 1) {
                return null;
            }
            Instant now = clock.instant();
            ProcessDefinition d = definition(row);
            switch (item.kind()) {
                case "DEADLINE" -> {
                    String step = item.stepName().substring("DEADLINE:".length());
                    if (tx.update("UPDATE process_step SET state = 'SKIPPED', finished_at = ? WHERE case_id = ? "
                            + "AND step_name = ? AND state = 'PENDING'", now, row.caseId, step) == 1) {
                        cancelOutbox(tx, row.caseId, step);
                        StepSpec spec = d.step(row.body(services), baseName(step)).orElseThrow();
                        tx.feed.status(row, "STEP_PASSED_OVER", Texts.passedOver(spec), now, null);
                        evaluate(tx, row, now);
                    }
                }
                case "OVERDUE" -> {
                    String step = item.stepName().substring("OVERDUE:".length());
                    if (stepState(tx, row.caseId, step).equals("PENDING")) {
                        StepSpec spec = d.step(row.body(services), baseName(step)).orElseThrow();
                        tx.feed.status(row, "STEP_OVERDUE", Texts.overdue(spec, item.dueAt()), now, null);
                    }
                }
                case "OBJECTION" -> {
                    if ("PRELIMINARY_REFUSAL".equals(row.state)) {
                        finish(tx, row, d, "REFUSED", row.resultCode, row.resultKk, row.resultRu, null, now);
                    }
                }
                default -> throw new IllegalStateException("outbox kind " + item.kind());
            }
            return null;
        });
    }

    // ------------------------------------------------------------------------------------------
    // The process itself
    // ------------------------------------------------------------------------------------------

    /** Creates the stage's steps with their outbox rows; returns the latest step due time. */
    private Instant startStage(Tx tx, CaseRecord row, int stage, int attempt, Instant now) throws SQLException {
        Stage spec = definition(row).stagesFor(row.body(services)).get(stage);
        if (stage != row.stage) {
            tx.update("UPDATE process_case SET stage = ? WHERE case_id = ?", stage, row.caseId);
        }
        Instant latest = now;
        for (StepSpec step : spec.steps()) {
            String name = attempt > 1 ? step.name() + REDECISION : step.name();
            Instant due = step.term().dueFrom(now, calendar);
            latest = due.isAfter(latest) ? due : latest;
            tx.update("INSERT INTO process_step (case_id, step_name, stage, attempt, adapter, operation, optional_step, "
                    + "state, started_at, due_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)",
                    row.caseId, name, stage, attempt, step.adapter(), step.operation(),
                    step.kind() == StepKind.OPTIONAL_CHECK, now, due);
            outbox(tx, row.caseId, name, "CALL", now);
            outbox(tx, row.caseId, (step.kind() == StepKind.OPTIONAL_CHECK ? "DEADLINE:" : "OVERDUE:") + name,
                    step.kind() == StepKind.OPTIONAL_CHECK ? "DEADLINE" : "OVERDUE", due);
        }
        return latest;
    }

    /** Fan-in: once every step of the current stage has answered, decide what comes next ({@link FanInDecision}). */
    private void evaluate(Tx tx, CaseRecord row, Instant now) throws SQLException {
        if (row.finished()) {
            return;
        }
        List<FanInDecision.StepOutcome> steps = new ArrayList<>();
        PreparedStatement q = tx.prepare("SELECT step_name, state, result_code, result_kk, result_ru, "
                + "reference FROM process_step WHERE case_id = ? AND stage = ? AND attempt = ? ORDER BY step_name");
        q.setString(1, row.caseId);
        q.setInt(2, row.stage);
        q.setInt(3, row.attempt);
        try (ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                steps.add(new FanInDecision.StepOutcome(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6)));
            }
        }
        if (steps.stream().anyMatch(s -> s.state().equals("PENDING"))) {
            return; // the stage is still out: no need to read its definition
        }
        ProcessDefinition d = definition(row);
        List<Stage> stages = d.stagesFor(row.body(services));
        FanInDecision.Decision decision = FanInDecision.decide(steps, d.preliminaryRefusal(), row.state, row.stage,
                stages.size());
        if (decision instanceof FanInDecision.Decision.PreliminaryRefusal p) {
            Instant objectionDue = d.objectionWindow().dueFrom(now, calendar);
            tx.update("UPDATE process_case SET state = 'PRELIMINARY_REFUSAL', objection_due_at = ?, "
                    + "result_code = ?, result_kk = ?, result_ru = ? WHERE case_id = ?",
                    objectionDue, p.code(), Sql.clip(p.kk()), Sql.clip(p.ru()), row.caseId);
            outbox(tx, row.caseId, "OBJECTION", "OBJECTION", objectionDue);
            tx.feed.status(row, "PRELIMINARY_REFUSAL", Texts.preliminary(p.kk(), p.ru(), objectionDue), now,
                    objectionDue);
        } else if (decision instanceof FanInDecision.Decision.Refuse r) {
            finish(tx, row, d, "REFUSED", r.code(), r.kk(), r.ru(), null, now);
        } else if (decision instanceof FanInDecision.Decision.NextStage n) {
            if (n.endsObjectionReview()) {
                tx.update("UPDATE process_case SET state = 'IN_PROGRESS' WHERE case_id = ?", row.caseId);
            }
            Instant due = startStage(tx, row, n.stage(), row.attempt, now);
            tx.feed.status(row, "STAGE_DONE", Texts.next(n.summaryKk(), n.summaryRu(),
                    stages.get(n.stage()).steps(), due), now, due);
        } else if (decision instanceof FanInDecision.Decision.Approve a) {
            finish(tx, row, d, "APPROVED", null, a.kk(), a.ru(), a.reference(), now);
        }
    }

    private void finish(Tx tx, CaseRecord row, ProcessDefinition d, String outcome, String code, String kk,
            String ru, String reference, Instant now) throws SQLException {
        tx.update("UPDATE process_case SET state = ?, finished_at = ?, result_code = ?, result_kk = ?, result_ru = ?, "
                + "reference = ? WHERE case_id = ?", outcome, now, code, Sql.clip(kk), Sql.clip(ru), reference, row.caseId);
        // Nothing left to wait for: overdue reminders of finished steps would only confuse.
        tx.update("UPDATE outbox SET state = 'CANCELLED' WHERE case_id = ? AND state = 'PENDING'", row.caseId);
        Texts.Pair text = outcome.equals("APPROVED") ? Texts.approved(d, kk, ru) : Texts.refused(d, kk, ru);
        tx.feed.status(row, outcome, text, now, null);
        CaseFeed.notice(tx, row, outcome, reference, text, now);
        log.info("case {} service={} applicant={} finished {}{}", row.caseId, row.serviceId, Iin.mask(row.citizenIin),
                outcome, code == null ? "" : " grounds=" + code);
    }

    private void outbox(Tx tx, String caseId, String stepName, String kind, Instant due) throws SQLException {
        tx.update("INSERT INTO outbox (case_id, step_name, kind, request_id, state, due_at, attempts) "
                + "VALUES (?, ?, ?, ?, 'PENDING', ?, 0)", caseId, stepName, kind, requestId(caseId, stepName), due);
    }

    private static void cancelOutbox(Tx tx, String caseId, String stepName) throws SQLException {
        tx.update("UPDATE outbox SET state = 'CANCELLED' WHERE case_id = ? AND step_name = ? AND state = 'PENDING'",
                caseId, stepName);
    }

    private static String stepState(Tx tx, String caseId, String step) throws SQLException {
        PreparedStatement s = tx.prepare("SELECT state FROM process_step WHERE case_id = ? AND step_name = ?");
        s.setString(1, caseId);
        s.setString(2, step);
        try (ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getString(1) : "";
        }
    }

    /**
     * The agency's request id for a step: derived from the case and the step only, so every retry
     * of the step — by this node or, after a crash, by another — is the same request.
     */
    public static String requestId(String caseId, String stepName) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((caseId + "\n" + stepName)
                    .getBytes(StandardCharsets.UTF_8));
            return "step-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private ProcessDefinition definition(CaseRecord row) {
        return services.process(row.serviceId);
    }

    // ------------------------------------------------------------------------------------------
    // Rows and SQL helpers
    // ------------------------------------------------------------------------------------------

    /** The message id was claimed concurrently or earlier: answer from the claim. */
    private static final class ClaimTaken extends RuntimeException {
        ClaimTaken() {
            super(null, null, false, false);
        }
    }

    private <T> T transaction(Sql.Work<T> work) {
        return Sql.transaction(db, work);
    }
}
