package kz.shlyuz.adapters.registry;

import java.util.Objects;
import kz.shlyuz.certs.identity.Persona;

/**
 * A person's name as ЖТ МДБ holds it.
 *
 * @param patronymic әкесінің аты / отчество; empty when the person has none
 */
public record FullName(String surname, String givenName, String patronymic) {

    public FullName {
        Objects.requireNonNull(surname, "surname");
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(patronymic, "patronymic");
        if (surname.isBlank() || givenName.isBlank()) {
            throw new IllegalArgumentException(
                    "surname, givenName: \"" + surname + "\", \"" + givenName + "\" (expected: both non-blank)");
        }
    }

    public static FullName of(Persona persona) {
        return new FullName(persona.surname(), persona.givenName(), persona.patronymic());
    }

    /** Reads {@code {"surname", "givenName", "patronymic"?}}. */
    static FullName read(FixtureNode node) {
        return new FullName(node.text("surname"), node.text("givenName"), node.optionalText("patronymic"));
    }
}
