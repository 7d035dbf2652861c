package kz.shlyuz.adapters.registry;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import kz.shlyuz.certs.identity.Bin;
import kz.shlyuz.certs.identity.Iin;
import kz.shlyuz.certs.identity.Organisation;
import kz.shlyuz.certs.identity.Persona;

/**
 * Turns fixture keys into the numbers registers are searched by. Fixtures name people by persona
 * key ({@code aidar-clean}) so that the data follows the personas wherever their IINs are
 * computed; a register may also hold people who are not personas, keyed by their IIN.
 */
public final class SubjectKeys {

    private SubjectKeys() {}

    /** The IIN of the persona with this key, or the key itself when it is a valid IIN. */
    public static Iin iin(String key, FixtureNode where) {
        if (Iin.isValid(key)) {
            return new Iin(key);
        }
        return persona(key)
                .map(Persona::iin)
                .orElseThrow(() -> where.failure("\"" + key + "\" (expected: a persona key, one of "
                        + Arrays.stream(Persona.values()).map(Persona::key).collect(Collectors.joining(", "))
                        + ", or a valid IIN)"));
    }

    /** The persona with this key, if the key names one (and is not an IIN). */
    public static Optional<Persona> persona(String key) {
        return Arrays.stream(Persona.values()).filter(p -> p.key().equals(key)).findFirst();
    }

    /** The organisation with this enum name. */
    public static Organisation organisation(String key, FixtureNode where) {
        return Arrays.stream(Organisation.values())
                .filter(o -> o.name().equals(key))
                .findFirst()
                .orElseThrow(() -> where.failure("\"" + key + "\" (expected: an Organisation name, one of "
                        + Arrays.toString(Organisation.values()) + ")"));
    }

    /** The BIN of the organisation with this enum name. */
    public static Bin bin(String key, FixtureNode where) {
        return organisation(key, where).bin();
    }
}
