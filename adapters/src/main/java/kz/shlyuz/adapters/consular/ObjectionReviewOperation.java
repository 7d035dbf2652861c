package kz.shlyuz.adapters.consular;

import java.util.Objects;
import kz.shlyuz.adapters.operation.Operation;
import kz.shlyuz.adapters.operation.OperationContext;
import kz.shlyuz.adapters.operation.ProtoTime;
import kz.shlyuz.adapters.operation.Refusals;
import kz.shlyuz.adapters.operation.SubjectNumbers;
import kz.shlyuz.certs.identity.Iin;
import kz.shlyuz.proto.v1.CheckResult;
import kz.shlyuz.proto.v1.ObjectionReview;

/**
 * OBJECTION_REVIEW (001 §11 ¶5–6): internal affairs considers the applicant's objection with its
 * materials and decides again. An objection is accepted only when it brings materials and the
 * department's files say they change the decision ({@link ObjectionReviews}); an objection
 * without arguments or materials, or one the files do not support, leaves the refusal standing,
 * with its reasons. This is a decision on the objection, not the background check run again.
 */
public final class ObjectionReviewOperation implements Operation<ObjectionReview> {
    public static final String NAME = "OBJECTION_REVIEW";

    private final ObjectionReviews reviews;

    public ObjectionReviewOperation(ObjectionReviews reviews) {
        this.reviews = Objects.requireNonNull(reviews, "reviews");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<ObjectionReview> bodyType() {
        return ObjectionReview.class;
    }

    @Override
    public String maskedSubject(ObjectionReview body) {
        return Iin.mask(body.getIin());
    }

    @Override
    public CheckResult answer(ObjectionReview body, OperationContext context) {
        Iin iin = SubjectNumbers.iin(body.getIin(), "iin");
        if (body.getGroundsCode().isBlank()) {
            throw Refusals.bodyInvalid(
                            NAME,
                            "shlyuz.v1.ObjectionReview",
                            "grounds_code бос: қандай бас тартуға қарсылық екені белгісіз",
                            "grounds_code пуст: неизвестно, на какой отказ подано возражение")
                    .exception();
        }
        CheckResult.Builder result =
                CheckResult.newBuilder().setIin(iin.value()).setCheckedAt(ProtoTime.timestamp(context.now()));
        boolean argued = !body.getReasons().isBlank() || body.getMaterialRefsCount() > 0;
        var onFile = reviews.find(iin);
        if (argued
                && body.getMaterialRefsCount() > 0
                && onFile.map(ObjectionReviews.Review::accepted).orElse(false)) {
            return result.setGroundsFound(false).build();
        }
        String kk;
        String ru;
        String ref;
        if (!argued) {
            kk = "Қарсылықта дәлелдер де, материалдар да жоқ; алдын ала шешім өзгеріссіз қалды: " + body.getGroundsKk();
            ru = "Возражение не содержит ни доводов, ни материалов; предварительное решение оставлено в силе: "
                    + body.getGroundsRu();
            ref = "";
        } else if (onFile.isPresent() && !onFile.get().accepted()) {
            kk = onFile.get().kk();
            ru = onFile.get().ru();
            ref = onFile.get().recordRef();
        } else {
            kk = "Қарсылық пен материалдар қаралды, олар бас тарту негізін жоймайды: " + body.getGroundsKk();
            ru = "Возражение и материалы рассмотрены, они не устраняют основание отказа: " + body.getGroundsRu();
            ref = "";
        }
        return result.setGroundsFound(true)
                .setGroundCode(body.getGroundsCode().split(",")[0])
                .setGroundKk(kk)
                .setGroundRu(ru)
                .setRecordRef(ref)
                .build();
    }
}
