package kz.shlyuz.certs.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** IIN and BIN share the check-digit scheme; both are validated the same way. */
class TaxpayerNumberTest {
    private static final String VALID_IIN = Persona.CLEAN.iin().value();

    @Test
    void checkDigitUsesTheFirstWeightRound() {
        // 0·1 + … + 0·10 + 1·11 = 11; 11 mod 11 = 0.
        assertEquals(0, CheckDigit.compute("00000000001"));
        assertEquals("000000000010", CheckDigit.complete("00000000001"));
    }

    @Test
    void checkDigitFallsBackToTheSecondRoundWhenTheFirstGivesTen() {
        // First round of 12345678901: 296 mod 11 = 10; second round (3…11,1,2): 3+8+15+24+35+48+63+80+99+0+2 = 377,
        // 377 mod 11 = 3.
        assertEquals(3, CheckDigit.compute("12345678901"));
        assertTrue(CheckDigit.holds("123456789013"));
    }

    @Test
    void numbersWhoseBothRoundsGiveTenCannotBeIssued() {
        String first11 = findUnissuable();

        assertEquals(-1, CheckDigit.compute(first11));
        assertThrows(IllegalArgumentException.class, () -> CheckDigit.complete(first11));
        for (int digit = 0; digit <= 9; digit++) {
            assertFalse(CheckDigit.holds(first11 + digit));
        }
    }

    @Test
    void acceptsAValidIinAndBin() {
        assertEquals(VALID_IIN, Iin.parse(VALID_IIN).value());
        assertTrue(Iin.isValid(VALID_IIN));
        String bin = Organisation.JUSTICE.bin().value();
        assertEquals(bin, Bin.parse(bin).value());
        assertTrue(Bin.isValid(bin));
    }

    @Test
    void refusesAWrongCheckDigitWithAMaskedMessage() {
        String wrong = VALID_IIN.substring(0, 11) + ((VALID_IIN.charAt(11) - '0' + 1) % 10);

        InvalidTaxpayerNumberException e = assertThrows(InvalidTaxpayerNumberException.class, () -> Iin.parse(wrong));

        assertEquals("IIN", e.kind());
        assertFalse(e.getMessage().contains(wrong), e.getMessage());
        assertTrue(e.getMessage().contains("expected: 12 digits with a valid check digit"), e.getMessage());
        assertFalse(Iin.isValid(wrong));
    }

    @Test
    void refusesTheNationalCaTestNumbers() {
        // The national CA's test certificates carry these; they fail the check digit.
        assertFalse(Iin.isValid("123456789011"));
        assertFalse(Bin.isValid("123456789021"));
    }

    @Test
    void refusesWrongLengthsAndNonDigits() {
        assertThrows(InvalidTaxpayerNumberException.class, () -> Iin.parse(VALID_IIN.substring(0, 11)));
        assertThrows(InvalidTaxpayerNumberException.class, () -> Iin.parse(VALID_IIN + "0"));
        assertThrows(InvalidTaxpayerNumberException.class, () -> Bin.parse("12345678901a"));
        assertThrows(InvalidTaxpayerNumberException.class, () -> Iin.parse(null));
        assertThrows(IllegalArgumentException.class, () -> CheckDigit.compute("123"));
    }

    @Test
    void maskedIinShowsOnlyTheBirthDate() {
        Iin iin = Iin.parse(VALID_IIN);

        assertEquals(VALID_IIN.substring(0, 6) + "******", iin.masked());
        assertEquals(iin.masked(), iin.toString());
        assertFalse(iin.masked().contains(VALID_IIN.substring(7, 11)), "serial hidden");
        assertEquals("", Iin.mask(null));
    }

    @Test
    void everyFixtureIdentityNumberIsValid() {
        for (Persona persona : Persona.values()) {
            assertTrue(Iin.isValid(persona.iin().value()), persona.name());
        }
        for (Employee employee : Employee.values()) {
            assertTrue(Iin.isValid(employee.iin().value()), employee.name());
        }
        for (Organisation organisation : Organisation.values()) {
            assertTrue(Bin.isValid(organisation.bin().value()), organisation.name());
        }
    }

    private static String findUnissuable() {
        for (long n = 0; n < 100_000_000_000L; n++) {
            String candidate = String.format("%011d", n);
            if (CheckDigit.compute(candidate) < 0) {
                return candidate;
            }
        }
        throw new AssertionError("no unissuable prefix found");
    }
}
