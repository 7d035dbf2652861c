package kz.shlyuz.adapters.consular;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import kz.shlyuz.adapters.effect.EffectLedger;
import kz.shlyuz.adapters.operation.Operation;
import kz.shlyuz.adapters.operation.OperationContext;
import kz.shlyuz.adapters.operation.ProtoTime;
import kz.shlyuz.adapters.operation.Refusals;
import kz.shlyuz.adapters.operation.SubjectNumbers;
import kz.shlyuz.certs.identity.Iin;
import kz.shlyuz.proto.v1.EffectOrder;
import kz.shlyuz.proto.v1.EffectReceipt;

/**
 * PERMANENT_STAY_NOTIFICATION (001 §9–§10, annex 4): the police department of the applicant's
 * last registered address records its positive decision, with its number and date, and puts the
 * mark in Бүркіт. The receipt's reference is the decision number; its text is the annex 4
 * notification the consular officer signs and seals, and says where the applicant collects it.
 */
public final class PermanentStayNotification implements Operation<EffectOrder> {
    public static final String NAME = "PERMANENT_STAY_NOTIFICATION";
    private static final ZoneId ASTANA = ZoneId.of("Asia/Almaty");
    /** The month in the Kazakh «2026 жылғы 20 қарашадағы» form (locative of the month's name). */
    private static final String[] MONTHS_KK = {
        "қаңтардағы", "ақпандағы", "наурыздағы", "сәуірдегі", "мамырдағы", "маусымдағы",
        "шілдедегі", "тамыздағы", "қыркүйектегі", "қазандағы", "қарашадағы", "желтоқсандағы"
    };
    /** The month in the Russian «от 20 ноября 2026 года» form (genitive). */
    private static final String[] MONTHS_RU = {
        "января", "февраля", "марта", "апреля", "мая", "июня",
        "июля", "августа", "сентября", "октября", "ноября", "декабря"
    };

    private final EffectLedger ledger;

    public PermanentStayNotification(EffectLedger ledger) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    @Override
    public String name() {
        return NAME;
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
        SubjectNumbers.iin(body.getIin(), "iin");
        if (body.getCaseId().isBlank() || body.getCaseId().length() > 64) {
            throw Refusals.bodyInvalid(
                            NAME,
                            "shlyuz.v1.EffectOrder",
                            "case_id бос немесе тым ұзын",
                            "case_id пуст или слишком длинный")
                    .exception();
        }
        if (!body.getCountry().matches("[A-Z]{2}")) {
            throw Refusals.bodyInvalid(
                            NAME,
                            "shlyuz.v1.EffectOrder",
                            "country: баратын ел ISO 3166-1 екі әріпті кодымен берілмеген",
                            "country: страна выезда не указана двухбуквенным кодом ISO 3166-1")
                    .exception();
        }
        EffectLedger.Effect decision =
                ledger.apply(context.requestId(), NAME, body.getCaseId(), Iin.mask(body.getIin()), "PD", context.now());
        LocalDate on = decision.at().atZone(ASTANA).toLocalDate();
        String region = body.getAddress().getRegion();
        String departmentKk = region.isBlank() ? "Полиция департаментінің" : region + " Полиция департаментінің";
        String departmentRu = region.isBlank() ? "Департамента полиции" : "Департамента полиции (" + region + ")";
        // The form names the country; a citizen reads its name, not the ISO code (11.10).
        java.util.Locale place = new java.util.Locale("", body.getCountry());
        String countryKk = place.getDisplayCountry(java.util.Locale.forLanguageTag("kk"));
        String countryRu = place.getDisplayCountry(java.util.Locale.forLanguageTag("ru"));
        return EffectReceipt.newBuilder()
                .setCaseId(body.getCaseId())
                .setOperation(NAME)
                .setReference(decision.reference())
                .setTextKk(countryKk + " елінде тұрғылықты тұру үшін шығуға РҰҚСАТ ЕТІЛДІ. Негіздеме: " + departmentKk
                        + " "
                        + on.getYear() + " жылғы " + on.getDayOfMonth() + " "
                        + MONTHS_KK[on.getMonthValue() - 1]
                        + " № " + decision.reference()
                        + " шешімі. Хабарламаға консулдық лауазымды адам қол қойып, мөр басады")
                .setTextRu("РАЗРЕШЁН выезд на постоянное жительство за границу (" + countryRu + "). Основание: решение "
                        + departmentRu + " от " + on.getDayOfMonth() + " " + MONTHS_RU[on.getMonthValue() - 1] + " "
                        + on.getYear() + " года № " + decision.reference()
                        + ". Уведомление подписывает и скрепляет печатью "
                        + "консульское должностное лицо")
                .setDoneAt(ProtoTime.timestamp(decision.at()))
                .build();
    }
}
