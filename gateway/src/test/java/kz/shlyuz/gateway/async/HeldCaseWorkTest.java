package kz.shlyuz.gateway.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.certs.testing.Await;
import kz.shlyuz.gateway.outbox.OutboxWorker;
import kz.shlyuz.proto.v1.SubmitAck;
import kz.shlyuz.proto.v1.TemporaryIdRequest;
import org.junit.jupiter.api.Test;

/**
 * A node whose case work is held ({@link OutboxWorker#hold}, used by the bench to measure
 * acknowledgements apart from agency work) still acknowledges Submits durably, calls no agency and
 * leases no row while held, and runs the waiting cases to their end once resumed.
 */
class HeldCaseWorkTest {
    @Test
    void aHeldNodeAcknowledgesButCallsNoAgencyUntilResumed() throws Exception {
        try (AsyncEnvironment env = new AsyncEnvironment(Set.of())) {
            OutboxWorker outbox = env.gateway.outbox();
            outbox.hold(true);
            SubmitAck ack = env.submit(
                    "hkko",
                    "TEMPORARY_ID",
                    TemporaryIdRequest.newBuilder()
                            .setIin(Persona.CLEAN.iin().value())
                            .setReason("утерян")
                            .build(),
                    "hkko-operator");
            assertEquals("ACCEPTED", ack.getStatus());
            // Several turns of the poll loop after the acknowledgement: any lease would have been taken by now.
            long turns = outbox.turns();
            Await.until(() -> outbox.turns() >= turns + 3, Duration.ofSeconds(10), () -> "the poll loop stopped");
            assertEquals(0, env.callsTo("mvd-docs"), "no agency call while held");
            String rows = env.outboxOf(ack.getCaseId());
            assertTrue(rows.contains("CALL") && rows.contains("PENDING") && rows.contains("lease=null"), rows);

            outbox.hold(false);
            assertEquals(
                    "APPROVED",
                    env.awaitState("hkko", ack.getCaseId(), "APPROVED").getState());
            assertEquals(1, env.callsTo("mvd-docs"));
        }
    }
}
