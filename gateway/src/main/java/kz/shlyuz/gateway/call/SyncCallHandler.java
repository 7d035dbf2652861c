package kz.shlyuz.gateway.call;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.Timestamps;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;
import kz.shlyuz.gateway.admission.AdmittedRequest;
import kz.shlyuz.gateway.admission.RequestAdmission;
import kz.shlyuz.gateway.config.SenderPolicy;
import kz.shlyuz.gateway.evidence.EvidenceItem;
import kz.shlyuz.gateway.evidence.EvidenceLog;
import kz.shlyuz.gateway.journal.Claim;
import kz.shlyuz.gateway.journal.Journal;
import kz.shlyuz.gateway.journal.JournalEntry;
import kz.shlyuz.gateway.routing.AgencyClients;
import kz.shlyuz.gateway.services.AgencyCall;
import kz.shlyuz.gateway.signature.SignatureVerifier;
import kz.shlyuz.gateway.status.Reason;
import kz.shlyuz.gateway.status.Refusal;
import kz.shlyuz.proto.seal.AnswerForm;
import kz.shlyuz.proto.v1.AgencyRequest;
import kz.shlyuz.proto.v1.SignedRequest;
import kz.shlyuz.proto.v1.SignedResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one synchronous call from admission to the signed answer, journaling it whatever
 * happens. Retry-safe: the first call with a message id claims it; a retry with the same bytes
 * gets the recorded answer; the same id with other bytes is refused.
 */
public final class SyncCallHandler {
    private static final Logger log = LoggerFactory.getLogger(SyncCallHandler.class);

    private final RequestAdmission admission;
    private final Journal journal;
    private final AgencyClients agencies;
    private final AgencyAnswerVerifier answers;
    private final ResponseSigner responseSigner;
    private final Function<String, Optional<SenderPolicy>> policies;
    private final Clock clock;
    private final EvidenceLog evidence;

    /**
     * @param policies each sender's policy, for the answer forms it may ask for (admission has
     *     already refused unknown senders when this is asked)
     */
    public SyncCallHandler(
            RequestAdmission admission,
            Journal journal,
            AgencyClients agencies,
            SignatureVerifier verifier,
            ResponseSigner responseSigner,
            Function<String, Optional<SenderPolicy>> policies,
            Clock clock,
            EvidenceLog evidence) {
        this.evidence = evidence;
        this.policies = policies;
        this.admission = admission;
        this.journal = journal;
        this.agencies = agencies;
        this.answers = new AgencyAnswerVerifier(verifier);
        this.responseSigner = responseSigner;
        this.clock = clock;
    }

    /**
     * Admits, routes and answers one synchronous call.
     *
     * @param answerForm the {@code shlyuz-answer-form} header as received, or null for the
     *     default countersignature
     */
    public SignedResponse handle(String sender, SignedRequest request, String answerForm) {
        CallRecord record = new CallRecord(clock.instant(), System.nanoTime(), sender);
        boolean claimed = false;
        record.request = request;
        try {
            // No new message is taken in while its record could not be time-stamped (issue 13).
            evidence.refuseIfUnavailable();
            AdmittedRequest admitted = kz.shlyuz.gateway.ops.tracing.Stages.call(
                    "admission", () -> admission.admit(sender, request, true));
            record.admitted(admitted, System.nanoTime());
            AnswerForm form = answerForm(sender, answerForm);
            Claim claim = journal.claim(
                    sender,
                    admitted.messageId(),
                    admitted.contentSha256(),
                    admitted.service().id(),
                    clock.instant());
            if (claim instanceof Claim.Completed completed) {
                SignedResponse recorded = SignedResponse.parseFrom(completed.response());
                record.answer = completed.response().toByteArray();
                finish(record, JournalEntry.Outcome.REPLAYED, null);
                return recorded;
            }
            if (claim instanceof Claim.Conflict) {
                throw new Refusal(Reason.REPLAY_MISMATCH, "");
            }
            if (claim instanceof Claim.InProgress) {
                throw new Refusal(Reason.REQUEST_IN_PROGRESS, "");
            }
            claimed = true;
            SignedResponse answer = askAgency(admitted, record, form);
            // The recorded answer and the call's entry are committed together before the caller sees it.
            finish(record, JournalEntry.Outcome.ANSWERED, null, answer.toByteArray());
            return answer;
        } catch (Refusal refusal) {
            if (claimed) {
                journal.release(sender, record.messageId);
            }
            record.identifyUnverified(request);
            finish(record, JournalEntry.Outcome.REFUSED, refusal);
            throw refusal;
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("recorded answer cannot be read", e);
        } catch (RuntimeException e) {
            if (claimed) {
                journal.release(sender, record.messageId);
            }
            finish(record, JournalEntry.Outcome.REFUSED, new Refusal(Reason.INTERNAL_ERROR, "", e));
            throw e;
        }
    }

    private AnswerForm answerForm(String sender, String requested) {
        if (requested == null) {
            return AnswerForm.COUNTERSIGNATURE;
        }
        // The header is the caller's text: bounded and plain before it goes into a refusal or the journal.
        String shown = requested.replaceAll("[^A-Za-z0-9_-]", "?");
        String detail = shown.length() <= 32 ? shown : shown.substring(0, 32) + "...";
        AnswerForm form =
                AnswerForm.named(requested).orElseThrow(() -> new Refusal(Reason.ANSWER_FORM_NOT_ALLOWED, detail));
        if (!policies.apply(sender).map(p -> p.allows(form)).orElse(false)) {
            throw new Refusal(Reason.ANSWER_FORM_NOT_ALLOWED, detail);
        }
        return form;
    }

    private SignedResponse askAgency(AdmittedRequest admitted, CallRecord record, AnswerForm form) {
        AgencyCall call = admitted.service()
                .routeOf(admitted.body())
                .orElseThrow(() -> new IllegalStateException(admitted.service().id() + " has no route"));
        record.agency = call.adapter();
        String requestId = agencyRequestId(admitted.sender(), admitted.messageId());
        AgencyRequest request = AgencyRequest.newBuilder()
                .setRequestId(requestId)
                .setServiceId(admitted.service().id())
                .setOperation(call.operation())
                .setBody(Any.pack(call.body()))
                .setOriginSystem(admitted.sender())
                .setOriginal(admitted.signed())
                .setSentAt(Timestamps.fromMillis(clock.millis()))
                .build();
        long start = System.nanoTime();
        try {
            SignedResponse answer = kz.shlyuz.gateway.ops.tracing.Stages.call("agency", () -> {
                SignedResponse agencyAnswer = agencies.call(call.adapter(), request);
                record.answer = agencyAnswer.toByteArray();
                record.answerSigners = answers.verifySigned(
                                call.adapter(), agencies.endpoint(call.adapter()), requestId, agencyAnswer)
                        .signers();
                return agencyAnswer;
            });
            SignedResponse signed =
                    kz.shlyuz.gateway.ops.tracing.Stages.call("seal", () -> responseSigner.sign(answer, form));
            record.answer = null; // the answer sent (with the gateway's signature) is recorded by finish
            return signed;
        } finally {
            record.agencyNanos = System.nanoTime() - start;
        }
    }

    /**
     * The id the agency sees: the same for every retry of the same message from the same sender,
     * so the agency repeats no effect, and without the sender's own id exposed to the agency.
     */
    static String agencyRequestId(String sender, String messageId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((sender + "\n" + messageId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "shlyuz-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void finish(CallRecord record, JournalEntry.Outcome outcome, Refusal refusal) {
        finish(record, outcome, refusal, null);
    }

    /** @param answer the answer to record with the entry (the claim is then complete), or null */
    private void finish(CallRecord record, JournalEntry.Outcome outcome, Refusal refusal, byte[] answer) {
        long end = System.nanoTime();
        JournalEntry entry = new JournalEntry(
                record.receivedAt,
                clock.instant(),
                record.sender,
                record.messageId,
                record.serviceId,
                record.contentSha256,
                record.signers,
                outcome,
                refusal == null ? null : refusal.reason().name(),
                refusal == null ? "OK" : refusal.reason().code().name(),
                refusal == null ? null : refusal.detail(),
                record.agency,
                record.verifyNanos < 0 ? -1 : record.verifyNanos / 1000,
                record.agencyNanos < 0 ? -1 : record.agencyNanos / 1000,
                (end - record.startNanos) / 1000);
        EvidenceLog.Pending kept = null;
        try {
            // Queued before the journal's commit and awaited after it: the two commits overlap.
            kept = keepEvidence(record, entry, refusal, answer);
            if (answer != null) {
                journal.complete(record.sender, record.messageId, answer, clock.instant(), entry);
            } else {
                journal.append(entry);
            }
            if (kept != null) {
                kept.await();
            }
        } catch (RuntimeException e) {
            // The answer stands; an operator must know the journal failed.
            log.error("journal append failed for message {} from {}", record.messageId, record.sender, e);
            if (outcome != JournalEntry.Outcome.REFUSED) {
                throw e;
            }
        }
        log.info(
                "call sender={} service={} message={} signers=[{}] outcome={}{} agency={} total={}ms",
                record.sender,
                record.serviceId,
                record.messageId,
                record.signers == null ? "" : record.signers,
                outcome,
                refusal == null ? "" : " reason=" + refusal.reason(),
                record.agency,
                (end - record.startNanos) / 1_000_000);
    }

    /**
     * The call's evidence record, queued; null when the request did not parse (nothing to prove).
     * Refusals are kept too: they are what a sender disputes.
     */
    private EvidenceLog.Pending keepEvidence(CallRecord record, JournalEntry entry, Refusal refusal, byte[] answer) {
        if (refusal != null
                && (refusal.reason() == Reason.MESSAGE_MALFORMED || refusal.reason() == Reason.REQUEST_TOO_LARGE)) {
            return null;
        }
        java.util.List<kz.shlyuz.gateway.evidence.RevocationItem> revocation =
                new java.util.ArrayList<>(EvidenceLog.revocationOf("request", record.requestSigners));
        revocation.addAll(EvidenceLog.revocationOf("answer", record.answerSigners));
        byte[] answerBytes = answer != null ? answer : record.answer;
        return evidence.record(new EvidenceItem(
                EvidenceItem.Kind.CALL,
                entry.sender(),
                entry.messageId(),
                entry.serviceId(),
                null,
                entry.outcome().name(),
                entry.reason(),
                refusal == null ? EvidenceItem.Decision.POSITIVE : EvidenceItem.Decision.NEGATIVE,
                entry.receivedAt(),
                entry.finishedAt(),
                entry.verifyMicros(),
                entry.agencyMicros(),
                entry.totalMicros(),
                record.request == null ? null : record.request.getContent(),
                record.request == null ? null : record.request.getSignature(),
                EvidenceItem.body(answerBytes),
                revocation));
    }
}
