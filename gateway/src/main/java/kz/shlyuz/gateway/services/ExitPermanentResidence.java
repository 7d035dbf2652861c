package kz.shlyuz.gateway.services;

import static kz.shlyuz.gateway.services.Orders.order;

import com.google.protobuf.Message;
import java.util.List;
import java.util.function.Function;
import kz.shlyuz.certs.agency.Agency;
import kz.shlyuz.gateway.calendar.Term;
import kz.shlyuz.proto.v1.ExitPermanentResidenceRequest;

/**
 * 1. Exit for permanent residence (000 table 1, 002). Intake 10 min, to ІІД 2 days, ІІД review 5
 * days; requests to ҰҚКД, ҚСжАЕК, САОД, СД 2 days, each answers in 10 days; decision 3 days,
 * documents to ҚАІІО 2 days; ҚБ deregisters 1 day (after the referral, 2 days); deregistration
 * from residence 1 day. Decision within one month (002 §7). ҰҚК not answering in time is passed
 * over (002 §12).
 */
final class ExitPermanentResidence {
    private ExitPermanentResidence() {}

    static ServiceDefinition define() {
        Function<CaseFacts, Message> check = Orders::subjectCheck;
        return ServiceDefinition.builder(Service.EXIT_PERMANENT_RESIDENCE, ExitPermanentResidenceRequest.class)
                .title("Тұрақты тұруға шетелге шығу", "Выезд на постоянное жительство за границу")
                .senders(Sender.HKKO)
                .applicants(r -> Applicants.individuals(r.getIin()))
                .parties(r -> List.of(r.getIin()))
                .caseTerm(r -> Term.months(1))
                .stage(new StepSpec(
                        "EXIT_RESTRICTION_CHECK",
                        StepKind.CHECK,
                        Agency.MIGRATION,
                        "EXIT_RESTRICTION_CHECK",
                        check,
                        Term.days(7),
                        "ІІД материалдарды тексереді (шығуды шектеу есептері)",
                        "ДВД проверяет материалы (учёты ограничений выезда)"))
                .stage(
                        new StepSpec(
                                "STATE_SECRETS_CHECK",
                                StepKind.OPTIONAL_CHECK,
                                Agency.KNB,
                                "STATE_SECRETS_CHECK",
                                check,
                                Term.days(12),
                                "ҰҚКД келісімі (мемлекеттік құпиялар)",
                                "Согласование ДКНБ (государственные секреты)"),
                        new StepSpec(
                                "CRIMINAL_RECORD_CHECK",
                                StepKind.CHECK,
                                Agency.KPSISU,
                                "CRIMINAL_RECORD_CHECK",
                                check,
                                Term.days(12),
                                "ҚР БП ҚСжАЕК тексеруі (сотталғандық)",
                                "Проверка КПСиСУ ГП (судимость)"),
                        new StepSpec(
                                "WANTED_CHECK",
                                StepKind.CHECK,
                                Agency.KPSISU,
                                "WANTED_CHECK",
                                check,
                                Term.days(12),
                                "ҚР БП ҚСжАЕК тексеруі (іздестіру, тергеу)",
                                "Проверка КПСиСУ ГП (розыск, следствие)"),
                        new StepSpec(
                                "COURT_OBLIGATIONS_CHECK",
                                StepKind.CHECK,
                                Agency.SAOD,
                                "COURT_OBLIGATIONS_CHECK",
                                check,
                                Term.days(12),
                                "САОД тексеруі (сот міндеттемелері)",
                                "Проверка САОД (обязательства по решениям суда)"),
                        new StepSpec(
                                "TAX_DEBT_CHECK",
                                StepKind.CHECK,
                                Agency.TAX,
                                "TAX_DEBT_CHECK",
                                check,
                                Term.days(12),
                                "СД тексеруі (салық берешегі)",
                                "Проверка налогового органа (налоговая задолженность)"))
                .stage(new StepSpec(
                        "EXIT_PERMIT_ISSUE",
                        StepKind.EFFECT,
                        Agency.MIGRATION,
                        "EXIT_PERMIT_ISSUE",
                        f -> order(f).setCountry(((ExitPermanentResidenceRequest) f.body()).getDestinationCountry())
                                .build(),
                        Term.days(5),
                        "ІІД шешім шығарады және шығуды ресімдейді",
                        "ДВД принимает решение и оформляет выезд"))
                .stage(new StepSpec(
                        "MILITARY_DEREGISTRATION",
                        StepKind.EFFECT,
                        Agency.MILITARY,
                        "MILITARY_DEREGISTRATION",
                        f -> order(f).build(),
                        Term.days(3),
                        "ҚБ әскери есептен шығарады",
                        "УДО снимает с воинского учёта"))
                .stage(new StepSpec(
                        "RESIDENCE_DEREGISTRATION",
                        StepKind.EFFECT,
                        Agency.MVD_DOCS,
                        "RESIDENCE_DEREGISTRATION",
                        f -> order(f).build(),
                        Term.days(1),
                        "ҚАІІО тұрғылықты жері бойынша тіркеуден шығарады",
                        "Подразделение снимает с регистрации по месту жительства"))
                .build();
    }
}
