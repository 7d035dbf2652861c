package kz.shlyuz.adapters;

import static kz.shlyuz.adapters.TestCalls.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.util.concurrent.ListenableFuture;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.certs.pki.DevPki;
import kz.shlyuz.certs.pki.TestPki;
import kz.shlyuz.certs.testing.Await;
import kz.shlyuz.certs.testing.HeldClock;
import kz.shlyuz.proto.v1.AddressCertificate;
import kz.shlyuz.proto.v1.AddressLookup;
import kz.shlyuz.proto.v1.AgencyAdapterGrpc;
import kz.shlyuz.proto.v1.SignedResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link AdapterServer#close()}: in-flight calls finish within the grace, later ones are cut. */
class GracefulShutdownTest {
    @RegisterExtension
    static final GrpcCleanup cleanup = new GrpcCleanup();

    static DevPki pki;

    @BeforeAll
    static void generatePki() {
        pki = TestPki.shared();
    }

    @Test
    void closeLetsAnInFlightCallFinish() throws Exception {
        HeldClock clock = new HeldClock();
        AdapterServer server = cleanup.register(AdapterServer.start(config(clock, Duration.ofSeconds(10))));
        ManagedChannel channel = cleanup.register(TestCalls.channel(pki, "gateway", server));
        clock.hold();
        ListenableFuture<SignedResponse> inFlight = AgencyAdapterGrpc.newFutureStub(channel)
                .withDeadlineAfter(20, TimeUnit.SECONDS)
                .handle(addressOfCleanCitizen());
        assertTrue(clock.awaitHeld(1, Duration.ofSeconds(10)), "the call reached the register");

        Thread closing = new Thread(server::close, "closing-gbd-fl");
        closing.start();
        // close() has shut the server down and waits for the call, up to its grace of 10 s.
        Await.until(
                () -> closing.getState() == Thread.State.TIMED_WAITING,
                Duration.ofSeconds(10),
                () -> "close() waits for the call in flight; the closing thread is " + closing.getState());
        assertTrue(closing.isAlive(), "close() waits for the call in flight");
        clock.release();

        SignedResponse response = inFlight.get(10, TimeUnit.SECONDS);
        closing.join(10_000);
        assertFalse(closing.isAlive(), "close() returns once the call finished");
        assertEquals(
                Persona.CLEAN.iin().value(),
                TestCalls.body(response, AddressCertificate.class).getSubjectId());
    }

    @Test
    void closeCancelsACallThatOutlivesTheGrace() throws Exception {
        HeldClock clock = new HeldClock();
        AdapterServer server = cleanup.register(AdapterServer.start(config(clock, Duration.ofMillis(200))));
        ManagedChannel channel = cleanup.register(TestCalls.channel(pki, "gateway", server));
        clock.hold();
        ListenableFuture<SignedResponse> inFlight = AgencyAdapterGrpc.newFutureStub(channel)
                .withDeadlineAfter(20, TimeUnit.SECONDS)
                .handle(addressOfCleanCitizen());
        assertTrue(clock.awaitHeld(1, Duration.ofSeconds(10)), "the call reached the register");

        server.close();
        clock.release();

        ExecutionException failed = assertThrows(ExecutionException.class, () -> inFlight.get(10, TimeUnit.SECONDS));
        Status.Code code =
                ((StatusRuntimeException) failed.getCause()).getStatus().getCode();
        assertTrue(code == Status.Code.CANCELLED || code == Status.Code.UNAVAILABLE, code::toString);
    }

    private static AdapterConfig config(HeldClock clock, Duration grace) {
        return new AdapterConfig(
                "gbd-fl", pki, new InetSocketAddress("127.0.0.1", 0), clock, grace, Set.of(AdapterConfig.GATEWAY));
    }

    private static kz.shlyuz.proto.v1.AgencyRequest addressOfCleanCitizen() {
        return request(
                "ADDRESS_CERTIFICATE",
                "ADDRESS_LOOKUP",
                AddressLookup.newBuilder().setIin(Persona.CLEAN.iin().value()).build());
    }
}
