package kz.shlyuz.certs.identity;

/**
 * The check digit of an IIN or BIN: the twelfth digit, computed mod 11 over the first eleven
 * with weights 1…11; when that gives 10, a second round with weights 3…11,1,2; when that gives
 * 10 too, the number cannot be issued.
 */
public final class CheckDigit {
    private static final int[] FIRST_ROUND = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    private static final int[] SECOND_ROUND = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};

    private CheckDigit() {}

    /**
     * Computes the twelfth (check) digit of an IIN or BIN.
     *
     * @param first11 the first eleven digits
     * @return the check digit 0–9, or -1 when no valid number starts with these digits
     */
    public static int compute(String first11) {
        if (first11 == null || first11.length() != 11 || !allDigits(first11)) {
            throw new IllegalArgumentException("first11: "
                    + (first11 == null ? "null" : first11.length() + " characters") + " (expected: 11 digits)");
        }
        int digit = weightedMod11(first11, FIRST_ROUND);
        if (digit == 10) {
            digit = weightedMod11(first11, SECOND_ROUND);
        }
        return digit == 10 ? -1 : digit;
    }

    /** True when {@code number} is twelve digits whose last is the check digit of the first eleven. */
    public static boolean holds(String number) {
        if (number == null || number.length() != 12 || !allDigits(number)) {
            return false;
        }
        int expected = compute(number.substring(0, 11));
        return expected >= 0 && expected == number.charAt(11) - '0';
    }

    /** Appends the check digit; throws when these eleven digits cannot start a valid number. */
    public static String complete(String first11) {
        int digit = compute(first11);
        if (digit < 0) {
            throw new IllegalArgumentException("first11: " + first11 + " (expected: digits that admit a check digit)");
        }
        return first11 + digit;
    }

    static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int weightedMod11(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < 11; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        return sum % 11;
    }
}
