package kz.shlyuz.adapters.registry;

import java.time.LocalDate;
import java.util.Objects;
import kz.shlyuz.proto.v1.DocumentKind;
import kz.shlyuz.proto.v1.IdentityDocumentStatus;

/**
 * A passport or ID card in ХҚТ ТП АЖ.
 *
 * @param number ID card: 9 digits; passport: N and 8 digits
 */
public record IdentityDocumentRecord(
        DocumentKind kind,
        String number,
        LocalDate issuedOn,
        LocalDate validUntil,
        String issuer,
        IdentityDocumentStatus status) {

    /** ID card numbers are 9 digits, passport numbers N and 8 digits. */
    public static final String NUMBER_PATTERN = "\\d{9}|N\\d{8}";

    public IdentityDocumentRecord {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(number, "number");
        if (!number.matches(NUMBER_PATTERN)) {
            throw new IllegalArgumentException("number: " + number + " (expected: 9 digits or N and 8 digits)");
        }
        Objects.requireNonNull(issuedOn, "issuedOn");
        Objects.requireNonNull(validUntil, "validUntil");
        if (!validUntil.isAfter(issuedOn)) {
            throw new IllegalArgumentException(
                    "validUntil: " + validUntil + " (expected: after issuedOn " + issuedOn + ")");
        }
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(status, "status");
    }
}
