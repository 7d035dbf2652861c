package kz.shlyuz.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import kz.shlyuz.client.Refusals;
import org.junit.jupiter.api.function.Executable;

/** Asserts a refusal as a caller sees it: code, reason, ШЭП code and both languages. */
final class Assertions {
    private Assertions() {}

    static Refusals.Refused assertRefused(Status.Code code, String reason, Executable call) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call);
        Refusals.Refused refused = Refusals.read(e);
        assertEquals(reason, refused.reason(), () -> "reason; description: " + refused.description());
        assertEquals(code.name(), refused.code(), "gRPC code");
        assertFalse(refused.shepCode().isEmpty(), "ШЭП code");
        assertFalse(refused.kazakh().isBlank(), "Kazakh message");
        assertFalse(refused.russian().isBlank(), "Russian message");
        assertNotEquals(refused.kazakh(), refused.russian(), "Kazakh and Russian messages differ");
        assertEquals(refused.kazakh() + " / " + refused.russian(), refused.description(), "description carries both");
        return refused;
    }
}
