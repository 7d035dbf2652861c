package kz.shlyuz.gateway.services;

import com.google.protobuf.Message;
import java.util.Map;

/**
 * The approval of an exit for permanent residence (000 actions 11–14, 002 §14–§15): what was
 * produced — the exit permit (its number is the case's result), the departure sheet and, for
 * someone on the military register, the ҚБ's certificate —, what the applicant must still do
 * (hand in the military ID at the defence office; register at a consulate abroad) and where to
 * collect the paper result: the passport with the permit's stamp and the departure sheet are
 * handed over by the migration unit that took the application, against the ID card (002 §8,
 * §14), never in the personal cabinet.
 */
final class ExitResults {
    private ExitResults() {}

    static ApprovalRule.Approval approval(Message body, Map<String, ApprovalRule.StepAnswer> answers) {
        String permit = reference(answers, "EXIT_PERMIT_ISSUE");
        String sheet = reference(answers, "RESIDENCE_DEREGISTRATION");
        // Empty when the ҚБ answered that the applicant is not on its register (000 action 12).
        String military = reference(answers, "MILITARY_DEREGISTRATION");
        if (permit.isEmpty()) {
            throw new IllegalStateException("an approved exit case without the exit permit's number");
        }
        boolean onTheRegister = !military.isEmpty();

        String resultKk = "тұрақты тұруға шығуға рұқсат № " + permit + ", мекенжайдан кету парағы № " + sheet
                + (onTheRegister ? ", әскери есептен шығару туралы анықтама № " + military : "");
        String resultRu = "разрешение на выезд на постоянное жительство № " + permit + ", адресный листок убытия № "
                + sheet + (onTheRegister ? ", справка о снятии с воинского учёта № " + military : "");

        String messageKk = "«Тұрақты тұруға шетелге шығу» қызметі көрсетілді: " + resultKk + "."
                + (onTheRegister ? " Әскери билетіңізді қорғаныс істері жөніндегі басқармаға тапсырыңыз." : "")
                + " Рұқсат мөртаңбасы қойылған паспорт пен кету парағын өтінішті қабылдаған көші-қон қызметі"
                + " бөлінісінен алыңыз, сонда жеке куәлігіңізді тапсырасыз."
                + " Шетелге келген соң ең жақын Қазақстан елшілігінде немесе консулдығында консулдық есепке тұрыңыз.";
        String messageRu = "Услуга «Выезд на постоянное жительство за границу» оказана: " + resultRu + "."
                + (onTheRegister ? " Сдайте военный билет в управление по делам обороны." : "")
                + " Паспорт с отметкой о разрешении и листок убытия получите в подразделении миграционной службы,"
                + " принявшем заявление; там же сдаётся удостоверение личности."
                + " По прибытии встаньте на консульский учёт в ближайшем посольстве или консульстве Казахстана.";
        return new ApprovalRule.Approval(permit, resultKk, resultRu, messageKk, messageRu);
    }

    private static String reference(Map<String, ApprovalRule.StepAnswer> answers, String step) {
        ApprovalRule.StepAnswer a = answers.get(step);
        return a == null ? "" : a.reference();
    }
}
