package kz.shlyuz.gateway.e2e;

import static kz.shlyuz.gateway.e2e.Assertions.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import kz.shlyuz.adapters.AdapterConfig;
import kz.shlyuz.adapters.AdapterServer;
import kz.shlyuz.certs.cms.CmsSigner;
import kz.shlyuz.certs.cms.SignerKey;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.certs.pki.DevPki;
import kz.shlyuz.certs.tls.TlsFiles;
import kz.shlyuz.client.GatewayClient;
import kz.shlyuz.client.RequestBuilder;
import kz.shlyuz.gateway.TestPki;
import kz.shlyuz.gateway.server.DevMaterial;
import kz.shlyuz.proto.v1.AddressCertificateRequest;
import kz.shlyuz.proto.v1.RequestContent;
import kz.shlyuz.proto.v1.SignedRequest;
import org.junit.jupiter.api.Test;

/**
 * The heap-exhaustion finding of issue 9: one portal client sends 1 250 signed requests, each
 * carrying a new ~1 MB certificate (1.25 GB in all, five times the heap), to a gateway in its own
 * JVM with a 256 MiB heap and the shipped configuration. Each is refused; the gateway is still
 * alive, a valid call is answered and health says SERVING.
 */
class BoundedHeapTest {
    /** 1 250 as in the finding; -Dshlyuz.heapTest.requests=N for more (or fewer). */
    private static final int REQUESTS = Integer.getInteger("shlyuz.heapTest.requests", 1_250);

    private static final int CERTIFICATE_BYTES = 1_000_000;
    private static final String PORTAL = "egov-portal";

    @Test
    void keepsServingIn256MibAfterManyNewMegabyteCertificates() throws Exception {
        DevPki pki = TestPki.get();
        Path data = Files.createTempDirectory("shlyuz-heap-");
        SignerKey citizen = pki.signerKey(Persona.CLEAN.key());
        RequestBuilder requests = new RequestBuilder(new CmsSigner(Clock.systemUTC()));
        Process gateway = null;
        try (AdapterServer adapter = AdapterServer.start(new AdapterConfig(
                "gbd-fl",
                pki,
                new InetSocketAddress("127.0.0.1", 0),
                Clock.systemUTC(),
                Duration.ofSeconds(2),
                Set.of(DevMaterial.GATEWAY_SYSTEM)))) {
            gateway = launch(pki, data, adapter.port());
            int port = awaitReady(gateway);
            try (GatewayClient portal = new GatewayClient(
                    "127.0.0.1",
                    port,
                    new TlsFiles(pki.tlsCertChainPem(PORTAL), pki.tlsKeyPem(PORTAL), pki.tlsTrustPem()),
                    DevMaterial.GATEWAY_SYSTEM,
                    Duration.ofSeconds(30))) {
                // One CMS with a 1 MB certificate, then a new certificate for every request: the
                // certificate's padding bytes change (the certificate's own signature is not what the
                // gateway looks at first), so nothing repeats for a cache to share.
                KeyPair key = HostileSignatures.rsa(2048);
                X509Certificate big = HostileSignatures.certificate(
                        citizen.certificate(),
                        HostileSignatures.spki(key.getPublic()),
                        HostileSignatures.name(citizen.certificate(), true),
                        key.getPrivate(),
                        CERTIFICATE_BYTES);
                RequestContent content = content();
                byte[] cms = HostileSignatures.Cms.of(content.toByteArray(), key.getPrivate(), big)
                        .build();
                int padding = paddingOffset(cms, big);
                for (int i = 0; i < REQUESTS; i++) {
                    byte[] fresh = cms.clone();
                    java.nio.ByteBuffer.wrap(fresh, padding, 8).putLong(System.nanoTime() ^ ((long) i << 40));
                    SignedRequest request = SignedRequest.newBuilder()
                            .setContent(content.toByteString())
                            .setSignature(ByteString.copyFrom(fresh))
                            .build();
                    assertRefused(Status.Code.UNAUTHENTICATED, "SIGNATURE_MALFORMED", () -> portal.call(request));
                }
                assertTrue(gateway.isAlive(), "the gateway JVM is alive (it exits on OutOfMemoryError)");
                assertFalse(
                        portal.call(requests.sign(content(), List.of(citizen)))
                                .getContent()
                                .isEmpty(),
                        "a valid call is answered");
                HealthCheckResponse health = HealthGrpc.newBlockingStub(portal.channel())
                        .withDeadlineAfter(10, TimeUnit.SECONDS)
                        .check(HealthCheckRequest.getDefaultInstance());
                assertEquals(HealthCheckResponse.ServingStatus.SERVING, health.getStatus());
            }
        } finally {
            if (gateway != null) {
                gateway.destroyForcibly();
                gateway.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Where the certificate's padding (the last bytes of its big extension) sits in the CMS. */
    private static int paddingOffset(byte[] cms, X509Certificate certificate) throws Exception {
        byte[] der = certificate.getEncoded();
        // Inside the padding: well past the certificate's start, 64 bytes that occur once.
        int inCertificate = der.length / 2;
        byte[] marker = java.util.Arrays.copyOfRange(der, inCertificate, inCertificate + 64);
        for (int i = 0; i + marker.length <= cms.length; i++) {
            if (java.util.Arrays.equals(cms, i, i + marker.length, marker, 0, marker.length)) {
                return i;
            }
        }
        throw new AssertionError("the certificate is not in the CMS as it is");
    }

    private static RequestContent content() {
        return RequestBuilder.content(
                PORTAL,
                "ADDRESS_CERTIFICATE",
                AddressCertificateRequest.newBuilder()
                        .setIin(Persona.CLEAN.iin().value())
                        .build(),
                java.time.Instant.now());
    }

    private static Process launch(DevPki pki, Path data, int adapterPort) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(
                        java,
                        "-Xmx256m",
                        "-XX:+ExitOnOutOfMemoryError",
                        "-cp",
                        System.getProperty("java.class.path"),
                        BoundedHeapGateway.class.getName(),
                        pki.dir().toString(),
                        data.toString(),
                        String.valueOf(adapterPort))
                .redirectError(data.resolve("gateway.log").toFile())
                .start();
    }

    private static int awaitReady(Process p) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("READY ")) {
                return Integer.parseInt(line.substring(6).trim());
            }
        }
        throw new AssertionError("gateway process exited before it was ready");
    }
}
