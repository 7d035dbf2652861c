package kz.shlyuz.adapters.residence;

import java.util.Objects;
import kz.shlyuz.adapters.operation.Operation;
import kz.shlyuz.adapters.operation.OperationContext;
import kz.shlyuz.adapters.operation.ProtoTime;
import kz.shlyuz.adapters.operation.Refusals;
import kz.shlyuz.adapters.operation.SubjectNumbers;
import kz.shlyuz.certs.identity.Iin;
import kz.shlyuz.proto.v1.EffectOrder;
import kz.shlyuz.proto.v1.EffectReceipt;

/**
 * {@code RESIDENCE_CHANGE} and {@code RESIDENCE_DEREGISTRATION} at ХҚТ ТП АЖ, on the {@link
 * ResidenceBook}: registering at a new address ends the old registration in the same act (004
 * annex 3 §4); deregistering gives the departure sheet (annex 4 §4).
 */
public final class ResidenceChangeOperation implements Operation<EffectOrder> {
    /** Which of the two acts this operation is. */
    public enum Act {
        CHANGE("RESIDENCE_CHANGE"),
        DEREGISTRATION("RESIDENCE_DEREGISTRATION");

        private final String operation;

        Act(String operation) {
            this.operation = operation;
        }
    }

    private final Act act;
    private final ResidenceBook book;

    public ResidenceChangeOperation(Act act, ResidenceBook book) {
        this.act = Objects.requireNonNull(act, "act");
        this.book = Objects.requireNonNull(book, "book");
    }

    @Override
    public String name() {
        return act.operation;
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
        Iin iin = SubjectNumbers.iin(body.getIin(), "iin");
        if (!body.getRelatedIin().isEmpty()) {
            SubjectNumbers.iin(body.getRelatedIin(), "related_iin");
        }
        if (body.getCaseId().isBlank() || body.getCaseId().length() > 64) {
            throw invalid("case_id бос немесе тым ұзын", "case_id пуст или слишком длинный");
        }
        EffectReceipt.Builder receipt = EffectReceipt.newBuilder()
                .setCaseId(body.getCaseId())
                .setOperation(name())
                .setDoneAt(ProtoTime.timestamp(context.now()));
        if (act == Act.DEREGISTRATION) {
            ResidenceBook.Change left = book.leave(context.requestId(), body.getCaseId(), iin.value(), context.now());
            // The owner applied under a court decision (EffectOrder.reference): the text says so, for
            // the deregistered person who did not apply and reads it as the case's second party.
            String court = body.getReference();
            return receipt.setReference(left.departed())
                    .setTextKk((court.isEmpty()
                                    ? "Тұрғылықты жері бойынша тіркеуден шығарылды"
                                    : "Тұрғын үй иесінің өтініші бойынша № " + court
                                            + " сот шешімі негізінде тұрғылықты жері бойынша тіркеуден шығарылды")
                            + ", мекенжайдан кету парағы № " + left.departed())
                    .setTextRu((court.isEmpty()
                                    ? "Снят с регистрационного учёта по месту жительства"
                                    : "Снят с регистрационного учёта по месту жительства по заявлению собственника"
                                            + " жилья на основании решения суда № " + court)
                            + ", адресный листок убытия № " + left.departed())
                    .build();
        }
        if (!body.hasAddress() || !body.getAddress().getKatoCode().matches("\\d{9}")) {
            throw invalid("address: ӘАОЖ коды 9 цифр болуы тиіс", "address: код КАТО должен состоять из 9 цифр");
        }
        ResidenceBook.Change change = book.change(
                context.requestId(),
                body.getCaseId(),
                iin.value(),
                body.getAddress(),
                body.getTemporary(),
                context.now());
        String kk = body.getTemporary()
                ? "Уақытша болу мекенжайы бойынша тіркелді № " + change.registered()
                : "Тұрғылықты жері бойынша тіркелді № " + change.registered();
        String ru = body.getTemporary()
                ? "Зарегистрирован по месту временного пребывания № " + change.registered()
                : "Зарегистрирован по месту жительства № " + change.registered();
        if (!change.departed().isEmpty()) {
            kk += "; бұрынғы мекенжай бойынша тіркеуден шығарылды № " + change.departed();
            ru += "; снят с регистрации по прежнему адресу № " + change.departed();
        }
        return receipt.setReference(change.registered())
                .setTextKk(kk)
                .setTextRu(ru)
                .build();
    }

    public ResidenceBook book() {
        return book;
    }

    private RuntimeException invalid(String kk, String ru) {
        return Refusals.bodyInvalid(name(), "shlyuz.v1.EffectOrder", kk, ru).exception();
    }
}
