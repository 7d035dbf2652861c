package kz.shlyuz.gateway.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import kz.shlyuz.adapters.agency.AgencyDefinition;
import kz.shlyuz.adapters.operation.Operation;
import kz.shlyuz.adapters.operation.OperationContext;
import kz.shlyuz.adapters.operation.Refusal;
import kz.shlyuz.adapters.residence.ResidenceBook;
import kz.shlyuz.adapters.residence.ResidenceChangeOperation;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.proto.v1.Address;
import kz.shlyuz.proto.v1.Case;
import kz.shlyuz.proto.v1.EffectOrder;
import kz.shlyuz.proto.v1.EffectReceipt;
import kz.shlyuz.proto.v1.SubmitAck;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The change of address is one act (004 annex 3 §4, issue 11.2), tried with a register that fails
 * at the worst moments: after it made the change but before its answer reached the gateway, and
 * by refusing the change outright. Neither leaves the person registered nowhere.
 */
class ResidenceChangeFailureTest {

    /** How the register misbehaves on the next {@code RESIDENCE_CHANGE}. */
    enum Fault {
        /** Makes the change, then the answer is lost (the register goes away); once. */
        LOSE_ANSWER_AFTER_CHANGE,
        /** Refuses the change for good before making it. */
        REFUSE
    }

    /** ХҚТ ТП АЖ's {@code RESIDENCE_CHANGE}, failing as {@link #fault} says. */
    static final class FaultyChange implements Operation<EffectOrder> {
        final ResidenceChangeOperation real;
        final AtomicReference<Fault> fault = new AtomicReference<>();
        final AtomicInteger lostAnswers = new AtomicInteger();

        FaultyChange(ResidenceChangeOperation real) {
            this.real = real;
        }

        @Override
        public String name() {
            return real.name();
        }

        @Override
        public Class<EffectOrder> bodyType() {
            return real.bodyType();
        }

        @Override
        public String maskedSubject(EffectOrder body) {
            return real.maskedSubject(body);
        }

        @Override
        public EffectReceipt answer(EffectOrder body, OperationContext context) {
            if (fault.get() == Fault.REFUSE) {
                throw new Refusal(
                                Status.Code.FAILED_PRECONDITION,
                                "REGISTRATION_REFUSED",
                                "Тіркеу жасалмады",
                                "Регистрация не произведена",
                                Map.of())
                        .exception();
            }
            EffectReceipt receipt = real.answer(body, context);
            if (fault.compareAndSet(Fault.LOSE_ANSWER_AFTER_CHANGE, null)) {
                lostAnswers.incrementAndGet();
                throw new Refusal(
                                Status.Code.UNAVAILABLE,
                                "REGISTER_UNAVAILABLE",
                                "Тізілім уақытша қолжетімсіз",
                                "Реестр временно недоступен",
                                Map.of())
                        .exception();
            }
            return receipt;
        }
    }

    static AgencyDefinition withFaulty(AgencyDefinition d, AtomicReference<FaultyChange> installed) {
        List<Operation<?>> operations = new ArrayList<>();
        for (Operation<?> o : d.operations()) {
            if (o instanceof ResidenceChangeOperation change && change.name().equals("RESIDENCE_CHANGE")) {
                FaultyChange faulty = new FaultyChange(change);
                installed.set(faulty);
                operations.add(faulty);
            } else {
                operations.add(o);
            }
        }
        return new AgencyDefinition(d.name(), d.titleKk(), d.titleRu(), d.signers(), operations);
    }

    @Test
    @DisplayName("004 annex 3 §4: a register that refuses the change, or loses its answer after making it,"
            + " never leaves the person registered nowhere: neither act happens, or both happen once")
    void aFailingRegisterNeverLeavesAPersonRegisteredNowhere() throws Exception {
        try (AsyncEnvironment env = new AsyncEnvironment(Set.of("mvd-docs"))) {
            AtomicReference<FaultyChange> faulty = new AtomicReference<>();
            env.test.adapters.start("mvd-docs", d -> withFaulty(d, faulty));
            ResidenceBook book = faulty.get().real.book();
            Address abai = ResidenceServicesTest.ABAI_10_5;

            // Refused for good before the change: the person stays where they were.
            String convicted = Persona.CONVICTED.iin().value();
            Address before = book.permanentOf(convicted).orElseThrow().address();
            faulty.get().fault.set(Fault.REFUSE);
            SubmitAck refusedAck = env.submit(
                    "egov-portal",
                    "RESIDENCE_REGISTRATION",
                    ResidenceServicesTest.registration(Persona.CONVICTED, abai, Persona.DWELLING_OWNER),
                    Persona.CONVICTED.key(),
                    Persona.DWELLING_OWNER.key());
            env.await(
                    "egov-portal-as:" + convicted,
                    refusedAck.getCaseId(),
                    c -> c.getState().equals("REFUSED"),
                    Duration.ofSeconds(10));
            assertEquals(before, book.permanentOf(convicted).orElseThrow().address(), "still at the old address");
            assertEquals(
                    List.of(),
                    env.effects("mvd-docs").stream()
                            .filter(e -> e.caseId().equals(refusedAck.getCaseId()))
                            .toList());

            // The change is made, then its answer is lost: the retry finds it made, once.
            String clean = Persona.CLEAN.iin().value();
            faulty.get().fault.set(Fault.LOSE_ANSWER_AFTER_CHANGE);
            SubmitAck ack = env.submit(
                    "egov-portal",
                    "RESIDENCE_REGISTRATION",
                    ResidenceServicesTest.registration(Persona.CLEAN, abai, Persona.DWELLING_OWNER),
                    Persona.CLEAN.key(),
                    Persona.DWELLING_OWNER.key());
            Case done = env.await(
                    "egov-portal-as:" + clean,
                    ack.getCaseId(),
                    c -> c.getState().equals("APPROVED"),
                    Duration.ofSeconds(10));
            assertEquals(1, faulty.get().lostAnswers.get(), "the first answer was lost");
            ResidenceBook.Entry now = book.permanentOf(clean).orElseThrow();
            assertEquals(abai, now.address());
            assertEquals(
                    List.of("RESIDENCE_DEREGISTRATION", "RESIDENCE_REGISTRATION"),
                    env.effects("mvd-docs").stream()
                            .filter(e -> e.caseId().equals(ack.getCaseId()))
                            .map(e -> e.operation())
                            .toList(),
                    "one departure and one registration, however often it was asked");
            assertTrue(done.getResultRu().contains(now.reference()), done.getResultRu());
        }
    }
}
