package kz.shlyuz.gateway.outbox;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.List;
import kz.shlyuz.gateway.process.OutboxItem;
import kz.shlyuz.gateway.process.ProcessEngine;
import kz.shlyuz.gateway.process.StepResult;
import kz.shlyuz.gateway.status.Refusal;
import kz.shlyuz.proto.v1.CheckResult;
import kz.shlyuz.proto.v1.EffectReceipt;
import kz.shlyuz.proto.v1.SignedResponse;

/** What an agency's answer to a case step means for the case, and its record as evidence. */
final class StepAnswers {
    private StepAnswers() {}

    /** The agency's answer of a case step, as evidence (its request is the Submit's record, by case id). */
    static void keep(
            kz.shlyuz.gateway.evidence.EvidenceLog evidence,
            java.time.Clock clock,
            OutboxItem item,
            ProcessEngine.CallOrder order,
            java.time.Instant asked,
            long start,
            SignedResponse answer,
            List<kz.shlyuz.gateway.signature.VerifiedSigner> signers,
            Refusal refusal,
            StepResult result) {
        boolean negative =
                refusal != null || result instanceof StepResult.Grounds || result instanceof StepResult.Failed;
        long micros = (System.nanoTime() - start) / 1000;
        evidence.record(new kz.shlyuz.gateway.evidence.EvidenceItem(
                        kz.shlyuz.gateway.evidence.EvidenceItem.Kind.CASE_ANSWER,
                        order.sender(),
                        item.requestId(),
                        order.serviceId(),
                        item.caseId() + "/" + item.stepName(),
                        refusal == null ? "ANSWERED" : "REFUSED",
                        refusal == null ? null : refusal.reason().name(),
                        negative
                                ? kz.shlyuz.gateway.evidence.EvidenceItem.Decision.NEGATIVE
                                : kz.shlyuz.gateway.evidence.EvidenceItem.Decision.POSITIVE,
                        asked,
                        clock.instant(),
                        -1,
                        micros,
                        micros,
                        null,
                        null,
                        answer.toByteString(),
                        kz.shlyuz.gateway.evidence.EvidenceLog.revocationOf("answer", signers)))
                .await();
    }

    static StepResult interpret(Any body) {
        try {
            if (body.is(CheckResult.class)) {
                CheckResult check = body.unpack(CheckResult.class);
                return check.getGroundsFound()
                        ? new StepResult.Grounds(
                                check.getGroundCode(), check.getGroundKk(), check.getGroundRu(), check.getRecordRef())
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
}
