package kz.shlyuz.certs.identity;

/**
 * An individual identification number (жеке сәйкестендіру нөмірі, ЖСН / ИИН): twelve digits,
 * the date of birth, the century-and-sex digit, a serial and the check digit.
 *
 * <p>Never log {@link #value()}: use {@link #masked()}.
 */
public record Iin(String value) {

    public Iin {
        if (!CheckDigit.holds(value)) {
            throw new InvalidTaxpayerNumberException("IIN", value);
        }
    }

    /** Parses a string that must be a valid IIN. */
    public static Iin parse(String value) {
        return new Iin(value);
    }

    /** True when {@code value} is twelve digits with a valid check digit. */
    public static boolean isValid(String value) {
        return CheckDigit.holds(value);
    }

    /**
     * The date of birth the IIN encodes: YYMMDD and the century digit (1–2: 1800s, 3–4: 1900s,
     * 5–6: 2000s); empty when those digits are no date (an IIN issued before the rule, or a
     * malformed one that passes the check digit).
     */
    public java.util.Optional<java.time.LocalDate> birthDate() {
        int century = switch (value.charAt(6)) {
            case '1', '2' -> 1800;
            case '3', '4' -> 1900;
            case '5', '6' -> 2000;
            default -> -1;
        };
        if (century < 0) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(java.time.LocalDate.of(
                    century + Integer.parseInt(value.substring(0, 2)),
                    Integer.parseInt(value.substring(2, 4)),
                    Integer.parseInt(value.substring(4, 6))));
        } catch (java.time.DateTimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** The IIN with everything after the date of birth hidden, safe for logs: {@code 900314******}. */
    public String masked() {
        return mask(value);
    }

    /** Masks any string that may be an IIN or BIN, valid or not, for logs and journals. */
    public static String mask(String anyNumber) {
        if (anyNumber == null || anyNumber.isEmpty()) {
            return "";
        }
        int keep = Math.min(6, anyNumber.length() / 2);
        return anyNumber.substring(0, keep) + "*".repeat(anyNumber.length() - keep);
    }

    @Override
    public String toString() {
        return masked();
    }
}
