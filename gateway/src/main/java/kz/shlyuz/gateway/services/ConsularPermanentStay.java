package kz.shlyuz.gateway.services;

import static kz.shlyuz.gateway.services.Orders.order;

import com.google.protobuf.Message;
import java.util.List;
import java.util.function.Function;
import kz.shlyuz.certs.agency.Agency;
import kz.shlyuz.gateway.calendar.Term;
import kz.shlyuz.proto.v1.ConsularPermanentStayRequest;
import kz.shlyuz.proto.v1.PreliminaryRefusalObjection;

/**
 * 2. Permanent stay abroad via a consulate (001). The consulate enters the applicant into Бүркіт
 * for ҰҚК approval within 2 wd; the file goes to internal affairs within 2 wd, which decides within
 * 30 calendar days; negative → preliminary refusal, hearing, objection within 2 wd; positive → the
 * notification (annex 4) within 5 wd and the mark in Бүркіт. ≤ 3 months.
 */
final class ConsularPermanentStay {
    private ConsularPermanentStay() {}

    static ServiceDefinition define() {
        Function<CaseFacts, Message> check = Orders::subjectCheck;
        return ServiceDefinition.builder(Service.CONSULAR_PERMANENT_STAY, ConsularPermanentStayRequest.class)
                .title(
                        "Уақытша жұмысқа кеткен азаматтарды шетелде тұрақты тұруға қалдыру",
                        "Оставление на постоянное жительство за границей граждан, выехавших на временную работу")
                .senders(Sender.BURKIT)
                .applicants(r -> Applicants.individuals(r.getIin()))
                // 001: the applicant's objection to a preliminary refusal arrives as its own signed message.
                .followUp(PreliminaryRefusalObjection.class, o -> Applicants.individuals(o.getIin()))
                .parties(r -> List.of(r.getIin()))
                .caseTerm(r -> Term.months(3))
                .preliminaryRefusal(Term.workingDays(2))
                .stage(new StepSpec(
                        "STATE_SECRETS_CHECK",
                        StepKind.CHECK,
                        Agency.KNB,
                        "STATE_SECRETS_CHECK",
                        check,
                        Term.workingDays(2),
                        "Консулдық мекеме өтінішті ҰҚК келісуіне «Бүркітке» енгізеді",
                        "Консульство вносит заявление в «Бүркіт» на согласование КНБ"))
                .stage(
                        new StepSpec(
                                "CRIMINAL_RECORD_CHECK",
                                StepKind.CHECK,
                                Agency.KPSISU,
                                "CRIMINAL_RECORD_CHECK",
                                check,
                                Term.days(32),
                                "Ішкі істер органы шешім қабылдайды: сотталғандық есебі",
                                "Орган внутренних дел принимает решение: учёт судимостей"),
                        new StepSpec(
                                "WANTED_CHECK",
                                StepKind.CHECK,
                                Agency.KPSISU,
                                "WANTED_CHECK",
                                check,
                                Term.days(32),
                                "Ішкі істер органы шешім қабылдайды: іздестіру есебі",
                                "Орган внутренних дел принимает решение: учёт розыска"),
                        new StepSpec(
                                "COURT_OBLIGATIONS_CHECK",
                                StepKind.CHECK,
                                Agency.SAOD,
                                "COURT_OBLIGATIONS_CHECK",
                                check,
                                Term.days(32),
                                "Ішкі істер органы шешім қабылдайды: сот міндеттемелері",
                                "Орган внутренних дел принимает решение: обязательства по решениям суда"))
                .stage(new StepSpec(
                        "PERMANENT_STAY_NOTIFICATION",
                        StepKind.EFFECT,
                        Agency.MIGRATION,
                        "PERMANENT_STAY_NOTIFICATION",
                        f -> order(f).setCountry(((ConsularPermanentStayRequest) f.body())
                                        .getGoingTo()
                                        .getCountry())
                                .build(),
                        Term.workingDays(5),
                        "Хабарлама ресімделеді (4-қосымша), «Бүркітке» белгі қойылады",
                        "Оформляется уведомление (приложение 4), в «Бүркіт» ставится отметка"))
                .build();
    }
}
