package kz.shlyuz.certs.identity;

import java.time.LocalDate;

/**
 * Fixture employees of the development environment: people who sign on behalf of their
 * organisation at a front office. The dev PKI issues each of them a legal-entity employee
 * signing certificate carrying both their IIN and their employer's BIN.
 */
public enum Employee {
    /** An operator at a State Corporation service centre (ХҚКО), working in its front-office system. */
    HKKO_OPERATOR(
            "hkko-operator",
            "САРСЕНБАЕВА",
            "МАДИНА",
            "ҚАЙРАТҚЫЗЫ",
            LocalDate.of(1992, 6, 5),
            false,
            1357,
            Organisation.STATE_CORPORATION),
    /** A consular officer of the Ministry of Foreign Affairs who enters applicants into "Бүркіт". */
    CONSULAR_OFFICER(
            "consular-officer",
            "ӘБІЛОВ",
            "ДӘУРЕН",
            "ЖАНАТҰЛЫ",
            LocalDate.of(1987, 2, 11),
            true,
            2468,
            Organisation.FOREIGN_AFFAIRS);

    private final String key;
    private final String surname;
    private final String givenName;
    private final String patronymic;
    private final Iin iin;
    private final Organisation employer;

    Employee(
            String key,
            String surname,
            String givenName,
            String patronymic,
            LocalDate birthDate,
            boolean male,
            int serial,
            Organisation employer) {
        this.key = key;
        this.surname = surname;
        this.givenName = givenName;
        this.patronymic = patronymic;
        // Same issuing scheme as the citizens', so the gateway's check-digit validation holds.
        this.iin = Persona.issueIin(birthDate, male, serial);
        this.employer = employer;
    }

    /** Identity name in the dev PKI. */
    public String key() {
        return key;
    }

    public String surname() {
        return surname;
    }

    public String givenName() {
        return givenName;
    }

    public String patronymic() {
        return patronymic;
    }

    public Iin iin() {
        return iin;
    }

    public Organisation employer() {
        return employer;
    }
}
