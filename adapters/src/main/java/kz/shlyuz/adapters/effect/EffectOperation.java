package kz.shlyuz.adapters.effect;

import java.util.Objects;
import java.util.function.Predicate;
import kz.shlyuz.adapters.operation.Operation;
import kz.shlyuz.adapters.operation.OperationContext;
import kz.shlyuz.adapters.operation.ProtoTime;
import kz.shlyuz.adapters.operation.Refusals;
import kz.shlyuz.adapters.operation.SubjectNumbers;
import kz.shlyuz.certs.identity.Iin;
import kz.shlyuz.proto.v1.EffectOrder;
import kz.shlyuz.proto.v1.EffectReceipt;

/**
 * One effect an agency applies on order of a process, e.g. issuing a labour-migrant permit.
 * Validates the order, applies it to the {@link EffectLedger} once per request id and answers
 * with a receipt carrying the number of what was produced.
 */
public final class EffectOperation implements Operation<EffectOrder> {
    private final String name;
    private final String prefix;
    private final String doneKk;
    private final String doneRu;
    private final EffectLedger ledger;
    private final Predicate<Iin> concerns;
    private final String notConcernedKk;
    private final String notConcernedRu;

    /**
     * @param prefix the numbering prefix of what it produces, e.g. {@code WP}
     * @param doneKk / doneRu what was done, completed by the produced number
     */
    public EffectOperation(String name, String prefix, String doneKk, String doneRu, EffectLedger ledger) {
        this(name, prefix, doneKk, doneRu, ledger, iin -> true, "", "");
    }

    /**
     * An effect that only concerns some people: for anyone else the register applies nothing and
     * answers a receipt without a number, saying so (000 action 12: only someone on the military
     * register is taken off it).
     *
     * @param concerns whom the effect concerns, by the agency's own register
     * @param notConcernedKk / notConcernedRu the receipt's text for anyone else
     */
    public EffectOperation(
            String name,
            String prefix,
            String doneKk,
            String doneRu,
            EffectLedger ledger,
            Predicate<Iin> concerns,
            String notConcernedKk,
            String notConcernedRu) {
        this.name = Objects.requireNonNull(name, "name");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.doneKk = Objects.requireNonNull(doneKk, "doneKk");
        this.doneRu = Objects.requireNonNull(doneRu, "doneRu");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.concerns = Objects.requireNonNull(concerns, "concerns");
        this.notConcernedKk = Objects.requireNonNull(notConcernedKk, "notConcernedKk");
        this.notConcernedRu = Objects.requireNonNull(notConcernedRu, "notConcernedRu");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Class<EffectOrder> bodyType() {
        return EffectOrder.class;
    }

    @Override
    public String maskedSubject(EffectOrder body) {
        return Iin.mask(body.getIin());
    }

    @Override
    public EffectReceipt answer(EffectOrder body, OperationContext context) {
        Iin subject = SubjectNumbers.iin(body.getIin(), "iin");
        if (!body.getRelatedIin().isEmpty()) {
            SubjectNumbers.iin(body.getRelatedIin(), "related_iin");
        }
        if (body.getCaseId().isBlank() || body.getCaseId().length() > 64) {
            throw Refusals.bodyInvalid(
                            name,
                            "shlyuz.v1.EffectOrder",
                            "case_id бос немесе тым ұзын",
                            "case_id пуст или слишком длинный")
                    .exception();
        }
        if (!concerns.test(subject)) {
            return EffectReceipt.newBuilder()
                    .setCaseId(body.getCaseId())
                    .setOperation(name)
                    .setTextKk(notConcernedKk)
                    .setTextRu(notConcernedRu)
                    .setDoneAt(ProtoTime.timestamp(context.now()))
                    .build();
        }
        EffectLedger.Effect effect = ledger.apply(
                context.requestId(), name, body.getCaseId(), Iin.mask(body.getIin()), prefix, context.now());
        return EffectReceipt.newBuilder()
                .setCaseId(body.getCaseId())
                .setOperation(name)
                .setReference(effect.reference())
                .setTextKk(doneKk + " № " + effect.reference())
                .setTextRu(doneRu + " № " + effect.reference())
                .setDoneAt(ProtoTime.timestamp(effect.at()))
                .build();
    }

    public EffectLedger ledger() {
        return ledger;
    }
}
