package kz.shlyuz.certs.identity;

/** An IIN or BIN that is not twelve digits with a valid check digit. */
public final class InvalidTaxpayerNumberException extends IllegalArgumentException {
    private final String kind;

    public InvalidTaxpayerNumberException(String kind, String value) {
        // The value itself is masked: messages end up in logs.
        super(kind + ": " + Iin.mask(value) + " (expected: 12 digits with a valid check digit)");
        this.kind = kind;
    }

    /** "IIN" or "BIN". */
    public String kind() {
        return kind;
    }
}
