package kz.shlyuz.adapters.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A person's registration at the place of residence (тұрғылықты жері бойынша тіркеу) in ЖТ МДБ.
 *
 * @param name the person's name as registered
 * @param address the current permanent registration
 * @param registeredSince when it began
 * @param history earlier registrations, most recent first
 */
public record Residence(FullName name, PostalAddress address, LocalDate registeredSince, List<PastResidence> history) {

    public Residence {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(registeredSince, "registeredSince");
        history = List.copyOf(history);
        for (PastResidence past : history) {
            if (past.until().isAfter(registeredSince)) {
                throw new IllegalArgumentException("history: a registration until " + past.until()
                        + " (expected: ended by " + registeredSince + ", when the current one began)");
            }
        }
    }
}
