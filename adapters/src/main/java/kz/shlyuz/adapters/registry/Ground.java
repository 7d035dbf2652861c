package kz.shlyuz.adapters.registry;

import java.util.Objects;

/**
 * A record in an agency register that bars a service (негіз / основание), quoted in a
 * reasoned refusal.
 *
 * @param code machine-readable ground, e.g. CONVICTED, WANTED, TAX_DEBT
 * @param textKk the ground as the register states it, in Kazakh
 * @param textRu the same in Russian
 * @param recordRef the register's own reference (case number, debt id …)
 */
public record Ground(String code, String textKk, String textRu, String recordRef) {

    public Ground {
        Objects.requireNonNull(code, "code");
        if (!code.matches("[A-Z][A-Z0-9_]*")) {
            throw new IllegalArgumentException("code: " + code + " (expected: UPPER_SNAKE_CASE)");
        }
        Objects.requireNonNull(textKk, "textKk");
        Objects.requireNonNull(textRu, "textRu");
        Objects.requireNonNull(recordRef, "recordRef");
    }
}
