package kz.shlyuz.gateway.process;

import com.google.protobuf.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import kz.shlyuz.gateway.calendar.Term;
import kz.shlyuz.proto.v1.AddressLookup;
import kz.shlyuz.proto.v1.ConsularPermanentStayRequest;
import kz.shlyuz.proto.v1.EffectOrder;
import kz.shlyuz.proto.v1.ExitPermanentResidenceRequest;
import kz.shlyuz.proto.v1.IdDocumentRequest;
import kz.shlyuz.proto.v1.LabourMigrantPermitRequest;
import kz.shlyuz.proto.v1.ResidenceDeregistrationRequest;
import kz.shlyuz.proto.v1.ResidenceRegistrationRequest;
import kz.shlyuz.proto.v1.SubjectCheck;
import kz.shlyuz.proto.v1.TemporaryIdRequest;
import kz.shlyuz.proto.v1.Urgency;

/**
 * The seven asynchronous services as their regulations describe them (DESIGN.md, seeds 000–004).
 * Each step is an agency check or effect with the regulation's term; stages run one after the
 * other, the steps of a stage in parallel.
 */
public final class Regulations {
    private final Map<String, ProcessDefinition> byService;

    private Regulations(List<ProcessDefinition> definitions) {
        this.byService = definitions.stream().collect(Collectors.toUnmodifiableMap(ProcessDefinition::serviceId, d -> d));
    }

    public Optional<ProcessDefinition> find(String serviceId) {
        return Optional.ofNullable(byService.get(serviceId));
    }

    public static Regulations standard() {
        List<ProcessDefinition> all = new ArrayList<>();
        all.add(exitPermanentResidence());
        all.add(consularPermanentStay());
        all.add(labourPermit("LABOUR_MIGRANT_PERMIT", "LABOUR_PERMIT_ISSUE",
                "Еңбекші көшіп келушіге рұқсат беру", "Выдача разрешения трудовому мигранту"));
        all.add(labourPermit("LABOUR_MIGRANT_PERMIT_EXTENSION", "LABOUR_PERMIT_EXTEND",
                "Еңбекші көшіп келушіге рұқсатты ұзарту", "Продление разрешения трудовому мигранту"));
        all.add(idDocument());
        all.add(temporaryId());
        all.add(residenceRegistration());
        all.add(residenceDeregistration());
        return new Regulations(all);
    }

    // -----------------------------------------------------------------------------------------
    // 1. Exit for permanent residence (000 table 1, 002). Intake 10 min, to ІІД 2 days, ІІД
    // review 5 days; requests to ҰҚКД, ҚСжАЕК, САОД, СД 2 days, each answers in 10 days; decision
    // 3 days, documents to ҚАІІО 2 days; ҚБ deregisters 1 day (after the referral, 2 days);
    // deregistration from residence 1 day. Decision within one month (002 §7). ҰҚК not answering
    // in time is passed over (002 §12).
    // -----------------------------------------------------------------------------------------
    private static ProcessDefinition exitPermanentResidence() {
        Function<CaseFacts, Message> check = f -> SubjectCheck.newBuilder().setIin(f.citizenIin())
                .setPurpose(f.serviceId()).build();
        Stage review = Stage.of(new StepSpec("EXIT_RESTRICTION_CHECK", StepKind.CHECK, "migration",
                "EXIT_RESTRICTION_CHECK", check, Term.days(7),
                "ІІД материалдарды тексереді (шығуды шектеу есептері)",
                "ДВД проверяет материалы (учёты ограничений выезда)"));
        Stage checks = Stage.of(
                new StepSpec("STATE_SECRETS_CHECK", StepKind.OPTIONAL_CHECK, "knb", "STATE_SECRETS_CHECK", check,
                        Term.days(12), "ҰҚКД келісімі (мемлекеттік құпиялар)",
                        "Согласование ДКНБ (государственные секреты)"),
                new StepSpec("CRIMINAL_RECORD_CHECK", StepKind.CHECK, "kpsisu", "CRIMINAL_RECORD_CHECK", check,
                        Term.days(12), "ҚР БП ҚСжАЕК тексеруі (сотталғандық)",
                        "Проверка КПСиСУ ГП (судимость)"),
                new StepSpec("WANTED_CHECK", StepKind.CHECK, "kpsisu", "WANTED_CHECK", check,
                        Term.days(12), "ҚР БП ҚСжАЕК тексеруі (іздестіру, тергеу)",
                        "Проверка КПСиСУ ГП (розыск, следствие)"),
                new StepSpec("COURT_OBLIGATIONS_CHECK", StepKind.CHECK, "saod", "COURT_OBLIGATIONS_CHECK", check,
                        Term.days(12), "САОД тексеруі (сот міндеттемелері)",
                        "Проверка САОД (обязательства по решениям суда)"),
                new StepSpec("TAX_DEBT_CHECK", StepKind.CHECK, "tax", "TAX_DEBT_CHECK", check,
                        Term.days(12), "СД тексеруі (салық берешегі)", "Проверка налогового органа (налоговая задолженность)"));
        Stage decision = Stage.of(new StepSpec("EXIT_PERMIT_ISSUE", StepKind.EFFECT, "migration", "EXIT_PERMIT_ISSUE",
                f -> order(f).setCountry(((ExitPermanentResidenceRequest) f.body()).getDestinationCountry()).build(),
                Term.days(5), "ІІД шешім шығарады және шығуды ресімдейді",
                "ДВД принимает решение и оформляет выезд"));
        Stage military = Stage.of(new StepSpec("MILITARY_DEREGISTRATION", StepKind.EFFECT, "military",
                "MILITARY_DEREGISTRATION", f -> order(f).build(), Term.days(3),
                "ҚБ әскери есептен шығарады", "УДО снимает с воинского учёта"));
        Stage deregistration = Stage.of(new StepSpec("RESIDENCE_DEREGISTRATION", StepKind.EFFECT, "mvd-docs",
                "RESIDENCE_DEREGISTRATION", f -> order(f).build(), Term.days(1),
                "ҚАІІО тұрғылықты жері бойынша тіркеуден шығарады",
                "Подразделение снимает с регистрации по месту жительства"));
        return new ProcessDefinition("EXIT_PERMANENT_RESIDENCE",
                body -> List.of(review, checks, decision, military, deregistration),
                body -> Term.months(1),
                body -> List.of(((ExitPermanentResidenceRequest) body).getIin()),
                false, null, "Тұрақты тұруға шетелге шығу", "Выезд на постоянное жительство за границу");
    }

    // -----------------------------------------------------------------------------------------
    // 2. Permanent stay abroad via a consulate (001). The consulate enters the applicant into
    // Бүркіт for ҰҚК approval within 2 wd; the file goes to internal affairs within 2 wd, which
    // decides within 30 calendar days; negative → preliminary refusal, hearing, objection within
    // 2 wd; positive → the notification (annex 4) within 5 wd and the mark in Бүркіт. ≤ 3 months.
    // -----------------------------------------------------------------------------------------
    private static ProcessDefinition consularPermanentStay() {
        Function<CaseFacts, Message> check = f -> SubjectCheck.newBuilder().setIin(f.citizenIin())
                .setPurpose(f.serviceId()).build();
        Stage burkit = Stage.of(new StepSpec("STATE_SECRETS_CHECK", StepKind.CHECK, "knb", "STATE_SECRETS_CHECK",
                check, Term.workingDays(2), "Консулдық мекеме өтінішті ҰҚК келісуіне «Бүркітке» енгізеді",
                "Консульство вносит заявление в «Бүркіт» на согласование КНБ"));
        Stage internalAffairs = Stage.of(
                new StepSpec("CRIMINAL_RECORD_CHECK", StepKind.CHECK, "kpsisu", "CRIMINAL_RECORD_CHECK", check,
                        Term.days(32), "Ішкі істер органы шешім қабылдайды: сотталғандық есебі",
                        "Орган внутренних дел принимает решение: учёт судимостей"),
                new StepSpec("WANTED_CHECK", StepKind.CHECK, "kpsisu", "WANTED_CHECK", check, Term.days(32),
                        "Ішкі істер органы шешім қабылдайды: іздестіру есебі",
                        "Орган внутренних дел принимает решение: учёт розыска"),
                new StepSpec("COURT_OBLIGATIONS_CHECK", StepKind.CHECK, "saod", "COURT_OBLIGATIONS_CHECK", check,
                        Term.days(32), "Ішкі істер органы шешім қабылдайды: сот міндеттемелері",
                        "Орган внутренних дел принимает решение: обязательства по решениям суда"));
        Stage notification = Stage.of(new StepSpec("PERMANENT_STAY_NOTIFICATION", StepKind.EFFECT, "migration",
                "PERMANENT_STAY_NOTIFICATION", f -> order(f).setCountry(
                        ((ConsularPermanentStayRequest) f.body()).getGoingTo().getCountry()).build(),
                Term.workingDays(5), "Хабарлама ресімделеді (4-қосымша), «Бүркітке» белгі қойылады",
                "Оформляется уведомление (приложение 4), в «Бүркіт» ставится отметка"));
        return new ProcessDefinition("CONSULAR_PERMANENT_STAY",
                body -> List.of(burkit, internalAffairs, notification),
                body -> Term.months(3),
                body -> List.of(((ConsularPermanentStayRequest) body).getIin()),
                true, Term.workingDays(2), "Уақытша жұмысқа кеткен азаматтарды шетелде тұрақты тұруға қалдыру",
                "Оставление на постоянное жительство за границей граждан, выехавших на временную работу");
    }

    // -----------------------------------------------------------------------------------------
    // 3. Labour-migrant permit, issue and extension (003): MVD and ҚСжАЕК databases checked in
    // 1 hour; the permit entered and printed in 2 hours and signed by the head in 20 minutes.
    // -----------------------------------------------------------------------------------------
    private static ProcessDefinition labourPermit(String serviceId, String effect, String titleKk, String titleRu) {
        Function<CaseFacts, Message> check = f -> SubjectCheck.newBuilder().setIin(f.citizenIin())
                .setPurpose(f.serviceId()).build();
        Stage checks = Stage.of(
                new StepSpec("CRIMINAL_RECORD_CHECK", StepKind.CHECK, "kpsisu", "CRIMINAL_RECORD_CHECK", check,
                        Term.hours(1), "Көші-қон бөлімшесі ҚСжАЕК дерекқорын тексереді",
                        "Подразделение миграционной службы проверяет базу КПСиСУ"),
                new StepSpec("WANTED_CHECK", StepKind.CHECK, "kpsisu", "WANTED_CHECK", check, Term.hours(1),
                        "Көші-қон бөлімшесі іздестіру есебін тексереді",
                        "Подразделение миграционной службы проверяет учёт розыска"));
        Stage permit = Stage.of(new StepSpec(effect, StepKind.EFFECT, "migration", effect, f -> {
            LabourMigrantPermitRequest r = (LabourMigrantPermitRequest) f.body();
            return order(f).setMonths(r.getMonths()).setReference(r.getPermitNumber()).build();
        }, new Term(140, Term.Unit.MINUTES), "Рұқсат енгізіледі, басып шығарылады, бастық қол қояды",
                "Разрешение вносится, печатается и подписывается начальником"));
        return new ProcessDefinition(serviceId, body -> List.of(checks, permit),
                body -> new Term(200, Term.Unit.MINUTES),
                body -> {
                    LabourMigrantPermitRequest r = (LabourMigrantPermitRequest) body;
                    return r.getEmployerIin().isEmpty() ? List.of(r.getMigrantIin())
                            : List.of(r.getMigrantIin(), r.getEmployerIin());
                },
                false, null, titleKk, titleRu);
    }

    // -----------------------------------------------------------------------------------------
    // 4. Passport / ID card (004 annex 1 table 1): front office 30 min, district unit 30 min,
    // regional unit and migration committee (wanted check) 1 wd for categories 1–2, 2 wd for
    // category 3 and general; "АӨО" РМК manufactures in 1, 2, 3 or 5 wd (category 1, 2, 3,
    // general); back down the chain 1 wd (5 wd general) + 1 + 1 wd, issue 10 min.
    // -----------------------------------------------------------------------------------------
    private static ProcessDefinition idDocument() {
        Function<CaseFacts, Message> check = f -> SubjectCheck.newBuilder().setIin(f.citizenIin())
                .setPurpose(f.serviceId()).build();
        return new ProcessDefinition("ID_DOCUMENT", body -> {
            Urgency u = ((IdDocumentRequest) body).getUrgency();
            int review = switch (u) {
                case URGENCY_CATEGORY_1, URGENCY_CATEGORY_2 -> 1;
                default -> 2;
            };
            int manufacture = switch (u) {
                case URGENCY_CATEGORY_1 -> 1;
                case URGENCY_CATEGORY_2 -> 2;
                case URGENCY_CATEGORY_3 -> 3;
                default -> 5;
            };
            int back = u == Urgency.URGENCY_GENERAL || u == Urgency.URGENCY_UNSPECIFIED ? 7 : 3;
            return List.of(
                    Stage.of(new StepSpec("DOCUMENTS_LOOKUP", StepKind.CHECK, "mvd-docs", "DOCUMENTS_LOOKUP",
                            f -> kz.shlyuz.proto.v1.DocumentsLookup.newBuilder().setIin(f.citizenIin()).build(),
                            Term.minutes(60), "Өтініш тіркеледі, аудандық бөлімше формулярды тексереді",
                            "Заявление регистрируется, районное подразделение проверяет формуляр")),
                    Stage.of(new StepSpec("WANTED_CHECK", StepKind.CHECK, "kpsisu", "WANTED_CHECK", check,
                            Term.workingDays(2 * review), "Облыстық бөлімше мен КҚҚК іздестіру есебін тексереді",
                            "Областное подразделение и КМС проверяют учёт розыска")),
                    Stage.of(new StepSpec("DOCUMENT_MANUFACTURE", StepKind.EFFECT, "aeo", "DOCUMENT_MANUFACTURE",
                            f -> order(f).setDocumentKind(((IdDocumentRequest) f.body()).getKind())
                                    .setUrgency(u).build(),
                            Term.workingDays(manufacture), "«АӨО» РМК құжатты дайындайды",
                            "РГП «ИПЦ» изготавливает документ")),
                    Stage.of(new StepSpec("DOCUMENT_ISSUE", StepKind.EFFECT, "mvd-docs", "DOCUMENT_ISSUE",
                            f -> order(f).setDocumentKind(((IdDocumentRequest) f.body()).getKind()).build(),
                            Term.workingDays(back), "Құжат бөлімшеге жеткізіледі және беруге дайындалады",
                            "Документ доставляется в подразделение и готовится к выдаче")));
        }, body -> {
            Urgency u = ((IdDocumentRequest) body).getUrgency();
            return Term.workingDays(switch (u) {
                case URGENCY_CATEGORY_1 -> 4;
                case URGENCY_CATEGORY_2 -> 5;
                case URGENCY_CATEGORY_3 -> 9;
                default -> 16;
            });
        }, body -> List.of(((IdDocumentRequest) body).getIin()), false, null,
                "Паспорт, жеке куәлік ресімдеу", "Оформление паспорта, удостоверения личности");
    }

    // 5. Temporary ID card (004 annex 2): front office 15 min, district unit issues in 2 wd.
    private static ProcessDefinition temporaryId() {
        return new ProcessDefinition("TEMPORARY_ID", body -> List.of(
                Stage.of(new StepSpec("TEMPORARY_ID_ISSUE", StepKind.EFFECT, "mvd-docs", "TEMPORARY_ID_ISSUE",
                        f -> order(f).build(), Term.workingDays(2),
                        "Аудандық бөлімше уақытша жеке куәлік береді", "Районное подразделение выдаёт временное удостоверение"))),
                body -> Term.workingDays(2), body -> List.of(((TemporaryIdRequest) body).getIin()), false, null,
                "Уақытша жеке куәлік беру", "Выдача временного удостоверения личности");
    }

    // 6. Registration at place of residence (004 annex 3): the registers are checked, the old
    // registration is ended and the new one made (automatic deregistration), result in the cabinet.
    private static ProcessDefinition residenceRegistration() {
        return new ProcessDefinition("RESIDENCE_REGISTRATION", body -> List.of(
                Stage.of(new StepSpec("ADDRESS_LOOKUP", StepKind.CHECK, "gbd-fl", "ADDRESS_LOOKUP",
                        f -> AddressLookup.newBuilder().setIin(f.citizenIin()).build(), Term.workingDays(1),
                        "ЖТ МДБ қазіргі тіркеуді тексереді", "ГБД ФЛ проверяет текущую регистрацию")),
                Stage.of(new StepSpec("RESIDENCE_DEREGISTRATION", StepKind.EFFECT, "mvd-docs", "RESIDENCE_DEREGISTRATION",
                        f -> order(f).build(), Term.workingDays(1),
                        "Бұрынғы мекенжай бойынша тіркеуден автоматты түрде шығару",
                        "Автоматическое снятие с регистрации по прежнему адресу")),
                Stage.of(new StepSpec("RESIDENCE_REGISTRATION", StepKind.EFFECT, "mvd-docs", "RESIDENCE_REGISTRATION",
                        f -> order(f).setAddress(((ResidenceRegistrationRequest) f.body()).getAddress()).build(),
                        Term.workingDays(1), "Жаңа мекенжай бойынша тіркеу", "Регистрация по новому адресу"))),
                body -> Term.workingDays(1),
                body -> {
                    ResidenceRegistrationRequest r = (ResidenceRegistrationRequest) body;
                    return r.getOwnerIin().isEmpty() || r.getOwnerIin().equals(r.getIin()) ? List.of(r.getIin())
                            : List.of(r.getIin(), r.getOwnerIin());
                }, false, null, "Тұрғылықты жері бойынша тіркеу", "Регистрация по месту жительства");
    }

    // 7. Deregistration (004 annex 4): result is the departure address sheet.
    private static ProcessDefinition residenceDeregistration() {
        return new ProcessDefinition("RESIDENCE_DEREGISTRATION", body -> List.of(
                Stage.of(new StepSpec("RESIDENCE_DEREGISTRATION", StepKind.EFFECT, "mvd-docs", "RESIDENCE_DEREGISTRATION",
                        f -> order(f).build(), Term.workingDays(1),
                        "Тіркеуден шығару, кету мекенжай парағы", "Снятие с регистрации, адресный листок убытия"))),
                body -> Term.workingDays(1),
                body -> {
                    ResidenceDeregistrationRequest r = (ResidenceDeregistrationRequest) body;
                    return r.getOwnerIin().isEmpty() || r.getOwnerIin().equals(r.getIin()) ? List.of(r.getIin())
                            : List.of(r.getIin(), r.getOwnerIin());
                }, false, null, "Тұрғылықты жері бойынша тіркеуден шығару", "Снятие с регистрации по месту жительства");
    }

    private static EffectOrder.Builder order(CaseFacts f) {
        EffectOrder.Builder b = EffectOrder.newBuilder().setCaseId(f.caseId()).setIin(f.citizenIin());
        if (f.relatedIin() != null) {
            b.setRelatedIin(f.relatedIin());
        }
        return b;
    }
}
