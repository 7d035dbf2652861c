package kz.shlyuz.gateway.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import kz.shlyuz.certs.identity.Bin;
import kz.shlyuz.certs.identity.CheckDigit;
import kz.shlyuz.certs.identity.Iin;
import kz.shlyuz.certs.identity.InvalidTaxpayerNumberException;

/**
 * IIN and BIN parsing and the check digit on any text: {@code parse} accepts exactly what
 * {@code isValid} accepts and otherwise throws its own exception; {@code holds} and {@code mask}
 * never throw.
 */
class TaxpayerNumberFuzzTest {
    @FuzzTest(maxDuration = "5m")
    void parsesOrRefusesAnyText(FuzzedDataProvider data) {
        String text = data.consumeBoolean()
                ? data.consumeString(14)
                : data.consumeString(11).replaceAll("[^0-9]", "1") + data.consumeInt(0, 9);
        CheckDigit.holds(text);
        Iin.mask(text);
        assertEquals(Iin.isValid(text), parses(() -> Iin.parse(text)), text);
        assertEquals(Bin.isValid(text), parses(() -> Bin.parse(text)), text);
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (InvalidTaxpayerNumberException refused) {
            return false;
        }
    }
}
