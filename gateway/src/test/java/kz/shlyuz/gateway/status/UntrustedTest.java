package kz.shlyuz.gateway.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A caller's text is shown bounded and without a character that could break a line or a trailer. */
class UntrustedTest {
    @Test
    void escapesLineBreaksAndControlCharacters() {
        assertEquals("m1\\u000a[main] INFO forged\\u000d\\u0007", Untrusted.shown("m1\n[main] INFO forged\r\u0007"));
        assertEquals("a\\u2028b\\u202ec", Untrusted.shown("a\u2028b\u202ec"));
        assertEquals("back\\\\slash", Untrusted.shown("back\\slash"));
    }

    @Test
    void keepsPlainTextAsItIs() {
        assertEquals("ADDRESS_CERTIFICATE «Адрес» 🙂", Untrusted.shown("ADDRESS_CERTIFICATE «Адрес» 🙂"));
    }

    @Test
    void cutsLongTextAndSaysHowLongItWas() {
        String shown = Untrusted.shown("x".repeat(100_000));
        assertEquals("x".repeat(Untrusted.SHOWN_CHARS) + "…(100000 chars)", shown);
    }

    @Test
    void boundsEveryRefusalDetail() {
        Refusal refusal = new Refusal(Reason.BODY_INVALID, "body is " + "y".repeat(200_000) + "\n");
        assertTrue(
                refusal.detail().length() < Untrusted.DETAIL_CHARS + 32,
                () -> "" + refusal.detail().length());
        assertTrue(refusal.detail().chars().noneMatch(c -> c < 0x20));
    }
}
