package kz.shlyuz.gateway.services;

import static kz.shlyuz.gateway.services.Orders.order;

import com.google.protobuf.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import kz.shlyuz.certs.agency.Agency;
import kz.shlyuz.gateway.calendar.Term;
import kz.shlyuz.proto.v1.DeclaredDocumentsCheck;
import kz.shlyuz.proto.v1.ExitPermanentResidenceRequest;
import kz.shlyuz.proto.v1.SubjectCheck;

/**
 * 1. Exit for permanent residence (000 table 1, 002). Intake 10 min at the migration police unit
 * (outside the gateway), to ІІД 2 days, ІІД review 5 days; requests to ҰҚКД, ҚСжАЕК, САОД, СД 2
 * days, each answers in 10 days; decision 3 days, documents to ҚАІІО 2 days; ҚБ deregisters 1
 * day (after the referral, 2 days); deregistration from residence 1 day. Decision within one
 * month (002 §7). ҰҚК not answering in time is passed over (002 §12).
 *
 * <p>Readings of the seeds (docs/regulations/exit.md gives the reasons):
 *
 * <ul>
 *   <li>002 §3.5 (compulsory military service): 000 table 3 names no body for it; the ҚБ holds the
 *       record, so {@code MILITARY_REGISTRATION_CHECK} is asked beside the other four, in their term.
 *   <li>002 §3.6 (false information about oneself): the gateway compares what it can — the
 *       passport and ID card of the questionnaire against ХҚТ ТП АЖ ({@code
 *       DECLARED_DOCUMENTS_CHECK}), part of the ІІД's review of the materials (action 3); the
 *       name and date of birth are checked against the IIN at intake ({@link ExitIntake}).
 *   <li>002 §3.7 (defendant in a civil case): САОД's {@code COURT_OBLIGATIONS_CHECK} (000 table 3
 *       #10 routes §16.4 and §16.7 to САОД).
 *   <li>002 §10: every child leaving who is 14 or older on the questionnaire's date is checked in
 *       the three records §10 names: the internal-affairs and migration records ({@code
 *       EXIT_RESTRICTION_CHECK}) and ҚСжАЕК's record of people wanted, under investigation or on
 *       trial ({@code WANTED_CHECK}).
 *   <li>000 action 12: the order goes to the ҚБ after the permit; the ҚБ takes off its register
 *       only someone on it and answers anyone else without a certificate, and only a certificate
 *       makes the approval ask for the military ID.
 * </ul>
 */
final class ExitPermanentResidence {
    private ExitPermanentResidence() {}

    static ServiceDefinition define() {
        return ServiceDefinition.builder(Service.EXIT_PERMANENT_RESIDENCE, ExitPermanentResidenceRequest.class)
                .title("Тұрақты тұруға шетелге шығу", "Выезд на постоянное жительство за границу")
                .senders(Sender.HKKO)
                .applicants(r -> Applicants.individuals(r.getIin()))
                .intake(new ExitIntake())
                .parties(r -> List.of(r.getIin()))
                .caseTerm(r -> Term.months(1))
                .stages(ExitPermanentResidence::stages)
                .approval(ExitResults::approval)
                .build();
    }

    /** The steps of a request: the applicant's, and those of each child of 14 or older (002 §10). */
    static List<Stage> stages(ExitPermanentResidenceRequest request) {
        Function<CaseFacts, Message> check = Orders::subjectCheck;
        List<String> children = ExitIntake.childrenToCheck(request);

        List<StepSpec> review = new ArrayList<>();
        review.add(new StepSpec(
                "EXIT_RESTRICTION_CHECK",
                StepKind.CHECK,
                Agency.MIGRATION,
                "EXIT_RESTRICTION_CHECK",
                check,
                Term.days(7),
                "Полиция департаменті материалдарды тексереді (шығуды шектеу есептері)",
                "Департамент полиции проверяет материалы (учёты ограничений выезда)"));
        review.add(new StepSpec(
                "DECLARED_DOCUMENTS_CHECK",
                StepKind.CHECK,
                Agency.MVD_DOCS,
                "DECLARED_DOCUMENTS_CHECK",
                ExitPermanentResidence::declaredDocuments,
                Term.days(7),
                "Полиция департаменті сауалнамадағы құжаттарды тексереді",
                "Департамент полиции сверяет документы, указанные в анкете"));
        for (int i = 0; i < children.size(); i++) {
            review.add(childCheck(
                    i + 1,
                    children.get(i),
                    "EXIT_RESTRICTION_CHECK",
                    Agency.MIGRATION,
                    Term.days(7),
                    "шығуды шектеу есептері",
                    "учёты ограничений выезда"));
        }

        List<StepSpec> agencies = new ArrayList<>(List.of(
                new StepSpec(
                        "STATE_SECRETS_CHECK",
                        StepKind.OPTIONAL_CHECK,
                        Agency.KNB,
                        "STATE_SECRETS_CHECK",
                        check,
                        Term.days(12),
                        "Ұлттық қауіпсіздік органдарының келісімі (мемлекеттік құпиялар)",
                        "Согласование с органами национальной безопасности (государственные секреты)"),
                new StepSpec(
                        "CRIMINAL_RECORD_CHECK",
                        StepKind.CHECK,
                        Agency.KPSISU,
                        "CRIMINAL_RECORD_CHECK",
                        check,
                        Term.days(12),
                        "Құқықтық статистика комитетінің тексеруі (сотталғандық)",
                        "Проверка Комитета правовой статистики (судимость)"),
                new StepSpec(
                        "WANTED_CHECK",
                        StepKind.CHECK,
                        Agency.KPSISU,
                        "WANTED_CHECK",
                        check,
                        Term.days(12),
                        "Құқықтық статистика комитетінің тексеруі (іздестіру, тергеу)",
                        "Проверка Комитета правовой статистики (розыск, следствие)"),
                new StepSpec(
                        "COURT_OBLIGATIONS_CHECK",
                        StepKind.CHECK,
                        Agency.SAOD,
                        "COURT_OBLIGATIONS_CHECK",
                        check,
                        Term.days(12),
                        "Сот актілерін орындау органының тексеруі (сот міндеттемелері, азаматтық істер)",
                        "Проверка органа исполнения судебных актов (обязательства по суду, гражданские дела)"),
                new StepSpec(
                        "TAX_DEBT_CHECK",
                        StepKind.CHECK,
                        Agency.TAX,
                        "TAX_DEBT_CHECK",
                        check,
                        Term.days(12),
                        "Салық органының тексеруі (салық берешегі)",
                        "Проверка налогового органа (налоговая задолженность)"),
                new StepSpec(
                        "MILITARY_REGISTRATION_CHECK",
                        StepKind.CHECK,
                        Agency.MILITARY,
                        "MILITARY_REGISTRATION_CHECK",
                        check,
                        Term.days(12),
                        "Қорғаныс істері жөніндегі басқарманың тексеруі (мерзімді әскери қызмет)",
                        "Проверка управления по делам обороны (срочная воинская служба)")));
        for (int i = 0; i < children.size(); i++) {
            agencies.add(childCheck(
                    i + 1,
                    children.get(i),
                    "WANTED_CHECK",
                    Agency.KPSISU,
                    Term.days(12),
                    "іздестіру, тергеу, сот",
                    "розыск, следствие, суд"));
        }

        return List.of(
                new Stage(review),
                new Stage(agencies),
                Stage.of(new StepSpec(
                        "EXIT_PERMIT_ISSUE",
                        StepKind.EFFECT,
                        Agency.MIGRATION,
                        "EXIT_PERMIT_ISSUE",
                        f -> order(f).setCountry(((ExitPermanentResidenceRequest) f.body()).getDestinationCountry())
                                .build(),
                        Term.days(5),
                        "Полиция департаменті шешім шығарады және шығуды ресімдейді",
                        "Департамент полиции принимает решение и оформляет выезд")),
                Stage.of(new StepSpec(
                        "MILITARY_DEREGISTRATION",
                        StepKind.EFFECT,
                        Agency.MILITARY,
                        "MILITARY_DEREGISTRATION",
                        f -> order(f).build(),
                        Term.days(3),
                        "Қорғаныс істері жөніндегі басқарма әскери есептен шығарады (есепте тұрғандарды)",
                        "Управление по делам обороны снимает с воинского учёта (состоящих на нём)")),
                Stage.of(new StepSpec(
                        "RESIDENCE_DEREGISTRATION",
                        StepKind.EFFECT,
                        Agency.MVD_DOCS,
                        "RESIDENCE_DEREGISTRATION",
                        f -> order(f).build(),
                        Term.days(1),
                        "Көші-қон қызметі тұрғылықты жері бойынша тіркеуден шығарады",
                        "Миграционная служба снимает с регистрации по месту жительства")));
    }

    /** A check of the {@code n}-th child of 14 or older (002 §10), named {@code CHILD<n>_<OPERATION>}. */
    private static StepSpec childCheck(
            int n, String iin, String operation, Agency agency, Term term, String whatKk, String whatRu) {
        return new StepSpec(
                "CHILD" + n + "_" + operation,
                StepKind.CHECK,
                agency,
                operation,
                f -> SubjectCheck.newBuilder()
                        .setIin(iin)
                        .setPurpose(f.serviceId())
                        .build(),
                term,
                n + "-баланы тексеру (" + whatKk + ")",
                "Проверка ребёнка № " + n + " (" + whatRu + ")");
    }

    /** The questionnaire's passport and ID card, to compare with ХҚТ ТП АЖ (002 §3.6). */
    private static Message declaredDocuments(CaseFacts f) {
        ExitPermanentResidenceRequest r = (ExitPermanentResidenceRequest) f.body();
        DeclaredDocumentsCheck.Builder b =
                DeclaredDocumentsCheck.newBuilder().setIin(f.citizenIin()).setPurpose(f.serviceId());
        if (r.hasIdCard()) {
            b.setIdCard(r.getIdCard());
        }
        if (r.hasPassport()) {
            b.setPassport(r.getPassport());
        }
        return b.build();
    }
}
