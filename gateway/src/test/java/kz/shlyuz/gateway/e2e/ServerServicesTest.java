package kz.shlyuz.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.reflection.v1alpha.ServerReflectionGrpc;
import io.grpc.reflection.v1alpha.ServerReflectionRequest;
import io.grpc.reflection.v1alpha.ServerReflectionResponse;
import io.grpc.reflection.v1alpha.ServiceResponse;
import io.grpc.stub.StreamObserver;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.certs.testing.Await;
import kz.shlyuz.certs.testing.HeldClock;
import kz.shlyuz.client.GatewayClient;
import kz.shlyuz.client.RequestBuilder;
import kz.shlyuz.proto.v1.AddressCertificateRequest;
import kz.shlyuz.proto.v1.SignedRequest;
import kz.shlyuz.proto.v1.SignedResponse;
import org.junit.jupiter.api.Test;

/** What operators rely on: health, reflection, and a shutdown that lets calls finish. */
class ServerServicesTest {

    @Test
    void reportsServingHealthAndListsItsServicesByReflection() throws Exception {
        try (GatewayEnvironment env = new GatewayEnvironment()) {
            GatewayClient client = env.client("egov-portal");
            HealthCheckResponse health = HealthGrpc.newBlockingStub(client.channel())
                    .check(HealthCheckRequest.newBuilder()
                            .setService("shlyuz.v1.Gateway")
                            .build());
            assertEquals(HealthCheckResponse.ServingStatus.SERVING, health.getStatus());

            CompletableFuture<List<String>> services = new CompletableFuture<>();
            StreamObserver<ServerReflectionRequest> requests = ServerReflectionGrpc.newStub(client.channel())
                    .serverReflectionInfo(new StreamObserver<>() {
                        @Override
                        public void onNext(ServerReflectionResponse response) {
                            services.complete(response.getListServicesResponse().getServiceList().stream()
                                    .map(ServiceResponse::getName)
                                    .toList());
                        }

                        @Override
                        public void onError(Throwable t) {
                            services.completeExceptionally(t);
                        }

                        @Override
                        public void onCompleted() {}
                    });
            requests.onNext(
                    ServerReflectionRequest.newBuilder().setListServices("").build());
            requests.onCompleted();
            assertTrue(services.get(10, TimeUnit.SECONDS).contains("shlyuz.v1.Gateway"));
        }
    }

    @Test
    void callInFlightAtShutdownStillCompletes() throws Exception {
        HeldClock agencies = new HeldClock();
        GatewayEnvironment env = new GatewayEnvironment(
                Set.of("gbd-fl", "gbd-ul"), c -> c, Clock.systemUTC(), b -> b.adapterClock(agencies));
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            GatewayClient client = env.client("egov-portal");
            SignedRequest request = env.requests.sign(
                    RequestBuilder.content(
                            "egov-portal",
                            "ADDRESS_CERTIFICATE",
                            AddressCertificateRequest.newBuilder()
                                    .setIin(Persona.CLEAN.iin().value())
                                    .build(),
                            env.clock.instant()),
                    List.of(env.pki.signerKey(Persona.CLEAN.key())));
            client.call(request); // warm: TLS sessions, channels

            // Eight calls admitted and at the agency, held there while the gateway shuts down.
            agencies.hold();
            List<Future<SignedResponse>> inFlight = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                SignedRequest each = env.requests.sign(
                        RequestBuilder.content(
                                "egov-portal",
                                "ADDRESS_CERTIFICATE",
                                AddressCertificateRequest.newBuilder()
                                        .setIin(Persona.CLEAN.iin().value())
                                        .build(),
                                env.clock.instant()),
                        List.of(env.pki.signerKey(Persona.CLEAN.key())));
                inFlight.add(callers.submit(() -> client.call(each)));
            }
            assertTrue(agencies.awaitHeld(8, Duration.ofSeconds(20)), "the eight calls reach the agency");
            Thread closing = new Thread(env.gateway::close, "closing-gateway");
            closing.start();
            HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(client.channel());
            Await.until(() -> refusesNewCalls(health), Duration.ofSeconds(10), "the gateway stops taking calls");
            assertTrue(closing.isAlive(), "close() waits for the calls in flight");
            agencies.release();

            // Calls accepted before shutdown finish with an answer; none is cut off with an error.
            int answered = 0;
            for (Future<SignedResponse> f : inFlight) {
                assertFalse(f.get(20, TimeUnit.SECONDS).getContent().isEmpty(), "an answer");
                answered++;
            }
            assertTrue(answered > 0, "no in-flight call finished");
            assertEquals(8, answered, "every admitted call finished");
            closing.join(TimeUnit.SECONDS.toMillis(20));
            assertFalse(closing.isAlive(), "close() returns once the calls finished");
        } finally {
            agencies.release();
            callers.shutdownNow();
            env.close();
        }
    }

    /** True once a new call is refused UNAVAILABLE: the server has shut down, calls in flight go on. */
    private static boolean refusesNewCalls(HealthGrpc.HealthBlockingStub health) {
        try {
            health.withDeadlineAfter(5, TimeUnit.SECONDS).check(HealthCheckRequest.getDefaultInstance());
            return false;
        } catch (StatusRuntimeException e) {
            return e.getStatus().getCode() == Status.Code.UNAVAILABLE;
        }
    }
}
