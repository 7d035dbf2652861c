package kz.shlyuz.adapters.operation;

import kz.shlyuz.certs.identity.Bin;
import kz.shlyuz.certs.identity.Iin;

/** Reads the IIN or BIN an operation body names, refusing one whose check digit does not hold. */
public final class SubjectNumbers {

    private SubjectNumbers() {}

    /**
     * Reads an IIN from a request body field.
     *
     * @param field the body field it came from, named in the refusal
     * @throws RefusalException {@code IIN_INVALID} unless twelve digits with a valid check digit
     */
    public static Iin iin(String value, String field) {
        if (!Iin.isValid(value)) {
            throw Refusals.iinInvalid(field).exception();
        }
        return new Iin(value);
    }

    /**
     * Reads a BIN from a request body field.
     *
     * @throws RefusalException {@code BIN_INVALID} unless twelve digits with a valid check digit
     */
    public static Bin bin(String value, String field) {
        if (!Bin.isValid(value)) {
            throw Refusals.binInvalid(field).exception();
        }
        return new Bin(value);
    }
}
