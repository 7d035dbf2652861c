package kz.shlyuz.gateway.process;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import kz.shlyuz.gateway.services.ProcessDefinition;
import kz.shlyuz.gateway.services.SecondParty;
import kz.shlyuz.gateway.services.Wording;

/**
 * What a case's second party (the employer, the dwelling owner) reads of it (issue 11.3): that the
 * case exists and what it asks of them, then whether the service was rendered or refused. The
 * applicant's own messages name the steps and the grounds (a conviction, a wanted notice, a
 * debt), which are the applicant's restricted personal data; the second party never sees them.
 * Made when the cabinet reads, from the case's event, so the stored history stays the applicant's.
 */
public final class PartyTexts {
    /** The events a second party is told of; the others (steps, grounds, hearings) are the applicant's. */
    public static final Set<CaseEvent> SHOWN = Set.of(CaseEvent.ACCEPTED, CaseEvent.APPROVED, CaseEvent.REFUSED);

    private PartyTexts() {}

    /**
     * The second party's text for a status message of {@code event}; empty for the events they
     * are not told of.
     *
     * @param caseDue the case's result date (for the opening message)
     */
    public static Optional<Wording> of(CaseEvent event, ProcessDefinition d, String caseId, Instant caseDue) {
        SecondParty party = d.secondParty();
        return switch (event) {
            case ACCEPTED ->
                Optional.of(new Wording(
                        "Сізге қатысты «" + d.titleKk() + "» ісі ашылды, іс № " + CaseReference.of(caseId) + ". "
                                + party.role().kk() + " " + party.asks().kk() + " Шешім " + Texts.untilKk(caseDue)
                                + " қабылданады.",
                        "Открыто дело «" + d.titleRu() + "», касающееся вас, № " + CaseReference.of(caseId) + ". "
                                + party.role().ru() + " " + party.asks().ru() + " Решение — до " + Texts.when(caseDue)
                                + "."));
            case APPROVED, REFUSED -> Optional.of(outcome(event, d));
            default -> Optional.empty();
        };
    }

    /** The outcome as it concerns the second party: rendered or refused, without the grounds. */
    public static Wording outcome(CaseEvent finished, ProcessDefinition d) {
        return finished == CaseEvent.APPROVED
                ? new Wording(
                        "«" + d.titleKk() + "» ісі бойынша қызмет көрсетілді.",
                        "По делу «" + d.titleRu() + "» услуга оказана.")
                : new Wording(
                        "«" + d.titleKk() + "» ісі бойынша қызмет көрсетуден бас тартылды. Бас тарту негіздері "
                                + "өтініш берушінің жеке деректері болғандықтан, сізге көрсетілмейді.",
                        "По делу «" + d.titleRu() + "» в оказании услуги отказано. Основания отказа — персональные "
                                + "данные заявителя, поэтому вам они не показываются.");
    }
}
