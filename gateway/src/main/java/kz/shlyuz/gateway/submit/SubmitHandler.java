package kz.shlyuz.gateway.submit;

import java.time.Clock;
import java.time.Instant;
import java.util.stream.Collectors;
import kz.shlyuz.gateway.admission.AdmittedRequest;
import kz.shlyuz.gateway.admission.RequestAdmission;
import kz.shlyuz.gateway.evidence.EvidenceItem;
import kz.shlyuz.gateway.evidence.EvidenceLog;
import kz.shlyuz.gateway.journal.Journal;
import kz.shlyuz.gateway.journal.JournalEntry;
import kz.shlyuz.gateway.process.ProcessEngine;
import kz.shlyuz.gateway.services.IntakeTime;
import kz.shlyuz.gateway.signature.VerifiedSigner;
import kz.shlyuz.gateway.status.Reason;
import kz.shlyuz.gateway.status.Refusal;
import kz.shlyuz.proto.v1.PreliminaryRefusalObjection;
import kz.shlyuz.proto.v1.SignedRequest;
import kz.shlyuz.proto.v1.SubmitAck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Serves one Submit: admission, the service's own intake rules, the durable case, the journal entry. */
public final class SubmitHandler {
    private static final Logger log = LoggerFactory.getLogger(SubmitHandler.class);

    private final RequestAdmission admission;
    private final ProcessEngine engine;
    private final Journal journal;
    private final Clock clock;
    private final EvidenceLog evidence;

    public SubmitHandler(
            RequestAdmission admission, ProcessEngine engine, Journal journal, Clock clock, EvidenceLog evidence) {
        this.evidence = evidence;
        this.admission = admission;
        this.engine = engine;
        this.journal = journal;
        this.clock = clock;
    }

    public SubmitAck handle(String sender, SignedRequest request) {
        Instant received = clock.instant();
        long start = System.nanoTime();
        AdmittedRequest admitted = null;
        try {
            evidence.refuseIfUnavailable();
            admitted = admission.admit(sender, request, false);
            admitted.service()
                    .intake()
                    .check(
                            admitted.sender(),
                            admitted.body(),
                            new IntakeTime(
                                    received,
                                    java.time.LocalDate.ofInstant(
                                            engine.clock().instant(),
                                            kz.shlyuz.gateway.calendar.KazakhstanCalendar.ZONE)));
            SubmitAck ack = admitted.body() instanceof PreliminaryRefusalObjection objection
                    ? engine.object(admitted, objection)
                    : admitted.body() instanceof kz.shlyuz.proto.v1.DraftRefusalDelivery delivery
                            ? engine.draftDelivered(admitted, delivery)
                            : engine.submit(admitted);
            // Queued before the journal's commit and awaited after it, as the sealed call does: the
            // two group commits overlap, and the ack is returned only once both are committed.
            EvidenceLog.Pending kept = keep(received, start, sender, request, admitted, null, ack.toByteArray());
            record(received, start, sender, admitted, JournalEntry.Outcome.ANSWERED, null);
            kept.await();
            log.info(
                    "submit sender={} service={} message={} case={} status={}",
                    sender,
                    admitted.service().id(),
                    admitted.messageId(),
                    ack.getCaseId(),
                    ack.getStatus());
            return ack;
        } catch (Refusal refusal) {
            record(received, start, sender, admitted, JournalEntry.Outcome.REFUSED, refusal);
            try {
                if (refusal.reason() != Reason.MESSAGE_MALFORMED && refusal.reason() != Reason.REQUEST_TOO_LARGE) {
                    keep(received, start, sender, request, admitted, refusal, null)
                            .await();
                }
            } catch (RuntimeException e) {
                log.error("evidence of a refused submit from {} not written", sender, e);
            }
            throw refusal;
        }
    }

    private EvidenceLog.Pending keep(
            Instant received,
            long start,
            String sender,
            SignedRequest request,
            AdmittedRequest admitted,
            Refusal refusal,
            byte[] ack) {
        String messageId = admitted == null ? null : admitted.messageId();
        String serviceId = admitted == null ? null : admitted.service().id();
        if (admitted == null) {
            try {
                kz.shlyuz.proto.v1.RequestContent content =
                        kz.shlyuz.proto.v1.RequestContent.parseFrom(request.getContent());
                messageId = content.getMessageId();
                serviceId = content.getServiceId();
            } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                // Identified by the sender and the reason only.
            }
        }
        EvidenceItem.Kind kind = admitted != null && admitted.body() instanceof PreliminaryRefusalObjection
                ? EvidenceItem.Kind.OBJECTION
                : EvidenceItem.Kind.SUBMIT;
        return evidence.record(new EvidenceItem(
                kind,
                sender,
                messageId,
                serviceId,
                null,
                refusal == null ? JournalEntry.Outcome.ANSWERED.name() : JournalEntry.Outcome.REFUSED.name(),
                refusal == null ? null : refusal.reason().name(),
                refusal == null ? EvidenceItem.Decision.POSITIVE : EvidenceItem.Decision.NEGATIVE,
                received,
                clock.instant(),
                -1,
                -1,
                (System.nanoTime() - start) / 1000,
                request.getContent(),
                request.getSignature(),
                EvidenceItem.body(ack),
                EvidenceLog.revocationOf("request", admitted == null ? null : admitted.signers())));
    }

    private void record(
            Instant received,
            long start,
            String sender,
            AdmittedRequest admitted,
            JournalEntry.Outcome outcome,
            Refusal refusal) {
        try {
            journal.append(new JournalEntry(
                    received,
                    clock.instant(),
                    sender,
                    admitted == null ? null : admitted.messageId(),
                    admitted == null ? null : admitted.service().id(),
                    admitted == null ? null : admitted.contentSha256(),
                    admitted == null
                            ? null
                            : admitted.signers().stream()
                                    .map(VerifiedSigner::describe)
                                    .collect(Collectors.joining("; ")),
                    outcome,
                    refusal == null ? null : refusal.reason().name(),
                    refusal == null ? "OK" : refusal.reason().code().name(),
                    refusal == null ? null : refusal.detail(),
                    null,
                    -1,
                    -1,
                    (System.nanoTime() - start) / 1000));
        } catch (RuntimeException e) {
            log.error("journal append failed for a submit from {}", sender, e);
        }
    }
}
