package kz.shlyuz.gateway.services;

import static kz.shlyuz.gateway.services.Orders.order;

import com.google.protobuf.Message;
import java.util.List;
import java.util.function.Function;
import kz.shlyuz.certs.agency.Agency;
import kz.shlyuz.gateway.calendar.Term;
import kz.shlyuz.proto.v1.ConsularPermanentStayRequest;
import kz.shlyuz.proto.v1.DraftRefusalDelivery;
import kz.shlyuz.proto.v1.ObjectionReview;
import kz.shlyuz.proto.v1.PreliminaryRefusalObjection;

/**
 * 2. Permanent stay abroad via a consulate (001, in force).
 *
 * <p>Timeline as the gateway reads §6–§12. The consulate enters the applicant into Бүркіт within
 * 2 wd of acceptance (§6): that is the consulate's own term and lies before the Submit, which
 * Бүркіт sends once the case is entered. ҰҚК's approval has no term of its own: only §12's three
 * months bound it. The documents go to internal affairs within 2 wd of acceptance (§7), alongside
 * ҰҚК, not after it: the gateway dispatches them with the Submit, so they arrive within that term,
 * and internal affairs answers within 30 calendar days of receiving them (§9). Positive → the
 * police department's decision is marked in Бүркіт and the consulate issues the annex 4
 * notification within 5 wd (§10). Negative → the right to be heard (§11, {@link HearingRules}).
 */
final class ConsularPermanentStay {
    private ConsularPermanentStay() {}

    /** 001 §16, the complaint procedure, told with every refusal of this service (not 002 §13's). */
    static final String APPEAL_KK = "Шағымды консулдық мекемеге немесе шешім қабылдаған лауазымды адамға беріңіз: ол 3 "
            + "жұмыс күні ішінде шағымды қарайтын органға жібереді. Шағым 5 жұмыс күні ішінде, мемлекеттік "
            + "қызметтер сапасын бақылау жөніндегі уәкілетті органда 15 жұмыс күні ішінде қаралады. Сотқа "
            + "сотқа дейінгі тәртіппен шағым жасалғаннан кейін жүгінуге болады.";

    static final String APPEAL_RU = "Жалобу подайте в консульство или должностному лицу, чьё решение обжалуется: в "
            + "течение 3 рабочих дней она передаётся в орган, рассматривающий жалобу. Её рассматривают 5 рабочих "
            + "дней, в уполномоченном органе по контролю за качеством государственных услуг — 15 рабочих дней. "
            + "В суд можно обратиться после обжалования в досудебном порядке.";

    /** 001 annex 3 line 7: results are handed out at the consulate 16:00–17:00 (annex 3 line 4: on paper). */
    static final String COLLECT_KK =
            "Хабарлама қағаз түрінде: оны консулдық мекемеден жұмыс күндері 16:00-ден 17:00-ге дейін алыңыз.";

    static final String COLLECT_RU =
            "Уведомление выдаётся на бумаге: получите его в консульстве по рабочим дням с " + "16:00 до 17:00.";

    static ServiceDefinition define() {
        Function<CaseFacts, Message> check = Orders::subjectCheck;
        Term internalAffairs = Term.days(30);
        return ServiceDefinition.builder(Service.CONSULAR_PERMANENT_STAY, ConsularPermanentStayRequest.class)
                .title(
                        "Уақытша жұмысқа кеткен азаматтарды шетелде тұрақты тұруға қалдыру",
                        "Оставление на постоянное жительство за границей граждан, выехавших на временную работу")
                .senders(Sender.BURKIT)
                .applicants(r -> Applicants.individuals(r.getIin()))
                // 001 §11: the applicant's objection to a preliminary refusal arrives as its own signed message.
                .followUp(PreliminaryRefusalObjection.class, o -> Applicants.individuals(o.getIin()))
                // 001 §11 ¶3: the consulate reports the day the applicant received the draft refusal.
                .followUp(DraftRefusalDelivery.class, d -> Applicants.individuals(d.getIin()))
                .intake(ConsularIntake::check)
                .parties(r -> List.of(r.getIin()))
                .caseTerm(r -> Term.months(3))
                .hearing(new HearingRules(
                        Term.workingDays(5),
                        Term.workingDays(3),
                        Term.workingDays(2),
                        new StepSpec(
                                "OBJECTION_REVIEW",
                                StepKind.CHECK,
                                Agency.MIGRATION,
                                "OBJECTION_REVIEW",
                                f -> ObjectionReview.newBuilder()
                                        .setCaseId(f.caseId())
                                        .setIin(f.citizenIin())
                                        .build(),
                                // §11 ¶2 leaves the last of the 3 wd after the 2 wd window for this decision.
                                Term.workingDays(1),
                                "Ішкі істер органы қарсылық пен материалдарды қарап, қайта шешім қабылдайды",
                                "Орган внутренних дел рассматривает возражение и материалы и принимает решение"),
                        // The citizen hands it to the consulate; that it travels on through Бүркіт is the
                        // officers' business, not a word the citizen needs (11.10).
                        "консулдық мекемеге жазбаша (қолыңызды қойып немесе ЭЦҚ-мен) беріңіз; консулдық мекеме "
                                + "оны ішкі істер органына жібереді",
                        "подайте в консульство письменно (с вашей подписью или ЭЦП); консульство передаёт его "
                                + "в орган внутренних дел"))
                .guidance(new CitizenGuidance(APPEAL_KK, APPEAL_RU))
                // Annex 3 line 7: the notification is paper, whichever system sent the case.
                .handOut(sender -> new Wording(COLLECT_KK, COLLECT_RU))
                .stage(
                        new StepSpec(
                                "STATE_SECRETS_CHECK",
                                StepKind.CHECK,
                                Agency.KNB,
                                "STATE_SECRETS_CHECK",
                                check,
                                // §12: ҰҚК's review is bounded only by the service's three months.
                                Term.months(3),
                                "Ұлттық қауіпсіздік комитетінің келісімі",
                                "Согласование Комитета национальной безопасности"),
                        new StepSpec(
                                "CRIMINAL_RECORD_CHECK",
                                StepKind.CHECK,
                                Agency.KPSISU,
                                "CRIMINAL_RECORD_CHECK",
                                check,
                                internalAffairs,
                                "Ішкі істер органы тексереді: сотталғандық есебі",
                                "Орган внутренних дел проверяет: учёт судимостей"),
                        new StepSpec(
                                "WANTED_CHECK",
                                StepKind.CHECK,
                                Agency.KPSISU,
                                "WANTED_CHECK",
                                check,
                                internalAffairs,
                                "Ішкі істер органы тексереді: іздестіру есебі",
                                "Орган внутренних дел проверяет: учёт розыска"),
                        new StepSpec(
                                "COURT_OBLIGATIONS_CHECK",
                                StepKind.CHECK,
                                Agency.SAOD,
                                "COURT_OBLIGATIONS_CHECK",
                                check,
                                internalAffairs,
                                "Ішкі істер органы тексереді: сот шешімдері мен тыйымдар",
                                "Орган внутренних дел проверяет: решения и запреты суда"))
                .stage(new StepSpec(
                        "PERMANENT_STAY_NOTIFICATION",
                        StepKind.EFFECT,
                        Agency.MIGRATION,
                        "PERMANENT_STAY_NOTIFICATION",
                        f -> {
                            ConsularPermanentStayRequest r = (ConsularPermanentStayRequest) f.body();
                            // The police department of the last registered address decides (§7).
                            return order(f).setCountry(r.getGoingTo().getCountry())
                                    .setAddress(r.getDepartingFrom())
                                    .build();
                        },
                        Term.workingDays(5),
                        "Полиция департаментінің шешімі тіркеледі; консулдық мекеме хабарлама дайындайды",
                        "Решение департамента полиции регистрируется; консульство готовит уведомление"))
                .build();
    }
}
