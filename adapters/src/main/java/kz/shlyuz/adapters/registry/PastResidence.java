package kz.shlyuz.adapters.registry;

import java.time.LocalDate;
import java.util.Objects;

/** An earlier registration: where, from and until when (inclusive). */
public record PastResidence(PostalAddress address, LocalDate from, LocalDate until) {

    public PastResidence {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        if (until.isBefore(from)) {
            throw new IllegalArgumentException("until: " + until + " (expected: on or after from " + from + ")");
        }
    }
}
