package kz.shlyuz.gateway.services;

import java.util.Objects;

/**
 * The second person a case concerns (the employer of a labour migrant, the owner of a dwelling),
 * as their own cabinet presents the case to them (issue 11.3): who they are in the case and what it
 * asks of them. They see that the case exists, this, and whether the service was rendered or
 * refused — never the applicant's refusal grounds nor the applicant's other data, which are
 * restricted personal data (a conviction, a wanted notice, a debt).
 *
 * @param role who the reader is in the case, e.g. "you are named as the employer"
 * @param asks what the case asks of them (or that it asks nothing)
 */
public record SecondParty(Wording role, Wording asks) {
    /** For a service that names a second person but gives no wording of its own. */
    public static final SecondParty GENERIC = new SecondParty(
            new Wording("Сіз бұл істе екінші тарап ретінде көрсетілгенсіз.", "Вы указаны в этом деле второй стороной."),
            new Wording("Сізден қосымша әрекет талап етілмейді.", "От вас дополнительных действий не требуется."));

    public SecondParty {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(asks, "asks");
    }
}
