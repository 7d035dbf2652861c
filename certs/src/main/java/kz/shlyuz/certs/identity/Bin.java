package kz.shlyuz.certs.identity;

/**
 * A business identification number (бизнес сәйкестендіру нөмірі, БСН / БИН) of a legal entity:
 * twelve digits, registration year and month, entity type, a serial and the check digit.
 */
public record Bin(String value) {

    public Bin {
        if (!CheckDigit.holds(value)) {
            throw new InvalidTaxpayerNumberException("BIN", value);
        }
    }

    public static Bin parse(String value) {
        return new Bin(value);
    }

    public static boolean isValid(String value) {
        return CheckDigit.holds(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
