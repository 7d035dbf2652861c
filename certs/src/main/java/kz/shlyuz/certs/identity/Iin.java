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
