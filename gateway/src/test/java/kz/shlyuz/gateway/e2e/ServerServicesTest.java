package kz.shlyuz.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.reflection.v1alpha.ServerReflectionGrpc;
import io.grpc.reflection.v1alpha.ServerReflectionRequest;
import io.grpc.reflection.v1alpha.ServerReflectionResponse;
import io.grpc.reflection.v1alpha.ServiceResponse;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import kz.shlyuz.certs.identity.Persona;
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
                    .check(HealthCheckRequest.newBuilder().setService("shlyuz.v1.Gateway").build());
            assertEquals(HealthCheckResponse.ServingStatus.SERVING, health.getStatus());

            CompletableFuture<List<String>> services = new CompletableFuture<>();
            StreamObserver<ServerReflectionRequest> requests = ServerReflectionGrpc.newStub(client.channel())
                    .serverReflectionInfo(new StreamObserver<>() {
                        @Override
                        public void onNext(ServerReflectionResponse response) {
                            services.complete(response.getListServicesResponse().getServiceList().stream()
                                    .map(ServiceResponse::getName).toList());
                        }

                        @Override
                        public void onError(Throwable t) {
                            services.completeExceptionally(t);
                        }

                        @Override
                        public void onCompleted() {}
                    });
            requests.onNext(ServerReflectionRequest.newBuilder().setListServices("").build());
            requests.onCompleted();
            assertTrue(services.get(10, TimeUnit.SECONDS).contains("shlyuz.v1.Gateway"));
        }
    }

    @Test
    void callInFlightAtShutdownStillCompletes() throws Exception {
        GatewayEnvironment env = new GatewayEnvironment();
        try {
            GatewayClient client = env.client("egov-portal");
            SignedRequest request = env.requests.sign(RequestBuilder.content("egov-portal", "ADDRESS_CERTIFICATE",
                    AddressCertificateRequest.newBuilder().setIin(Persona.CLEAN.iin().value()).build(),
                    env.clock.instant()), List.of(env.pki.signerKey(Persona.CLEAN.key())));
            client.call(request); // warm: TLS sessions, channels

            AtomicReference<SignedResponse> answer = new AtomicReference<>();
            List<CompletableFuture<Void>> inFlight = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                SignedRequest each = env.requests.sign(RequestBuilder.content("egov-portal", "ADDRESS_CERTIFICATE",
                        AddressCertificateRequest.newBuilder().setIin(Persona.CLEAN.iin().value()).build(),
                        env.clock.instant()), List.of(env.pki.signerKey(Persona.CLEAN.key())));
                inFlight.add(CompletableFuture.runAsync(() -> answer.set(client.call(each))));
            }
            Thread.sleep(20);
            env.gateway.close();
            // Calls accepted before shutdown finish with an answer; none is cut off with an error.
            int answered = 0;
            for (CompletableFuture<Void> f : inFlight) {
                try {
                    f.get(20, TimeUnit.SECONDS);
                    answered++;
                } catch (java.util.concurrent.ExecutionException e) {
                    // A call that had not reached the server before shutdown is refused UNAVAILABLE by the
                    // transport, which the client may retry; it must not be a half-processed call.
                    assertTrue(e.getCause().getMessage().contains("UNAVAILABLE"), e.getCause().toString());
                }
            }
            assertTrue(answered > 0, "no in-flight call finished");
        } finally {
            env.close();
        }
    }
}
