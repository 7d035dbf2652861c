package kz.shlyuz.gateway.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import kz.shlyuz.certs.ocsp.OcspResponder;
import kz.shlyuz.certs.pki.DevPki;
import kz.shlyuz.gateway.AdvanceableClock;
import kz.shlyuz.gateway.TestPki;
import org.junit.jupiter.api.Test;

/** The OCSP client believes only fresh answers, signed by the issuer, to its own nonce. */
class OcspClientTest {
    private final DevPki pki = TestPki.get();
    private final X509Certificate leaf = pki.certificate(pki.identity("aidar-clean-gost2015"));
    private final X509Certificate issuer = pki.certificate(pki.identity("intermediate-gost2015"));

    private static OcspClient client(Clock clock) {
        return new OcspClient(
                OcspSettings.defaults().withTimeout(Duration.ofSeconds(2)).withCacheTtl(Duration.ZERO),
                clock,
                SignatureEvents.NONE);
    }

    private OcspResponder responder(Clock clock, java.util.List<OcspResponder.Authority> authorities) throws Exception {
        return OcspResponder.start(
                new InetSocketAddress("127.0.0.1", 0),
                authorities,
                pki.certificateStatuses(),
                clock,
                Duration.ofMinutes(5));
    }

    @Test
    void acceptsTheIssuersSignedFreshAnswerToItsNonce() throws Exception {
        try (OcspResponder responder = responder(Clock.systemUTC(), pki.ocspAuthorities())) {
            OcspClient.Answer answer = client(Clock.systemUTC()).status(leaf, issuer, responder.uri());
            assertInstanceOf(OcspClient.Answer.Good.class, answer, answer.toString());
        }
    }

    @Test
    void refusesAnAnswerSignedByAnotherKey() throws Exception {
        // The GOST 2015 intermediate's name and certificate, but the GOST 2015 root's key.
        var wrong = new OcspResponder.Authority(issuer, pki.privateKey(pki.identity("root-gost2015")));
        try (OcspResponder responder = responder(Clock.systemUTC(), java.util.List.of(wrong))) {
            OcspClient.Answer answer = client(Clock.systemUTC()).status(leaf, issuer, responder.uri());
            assertEquals(new OcspClient.Answer.Failed("response signature does not verify"), answer);
        }
    }

    @Test
    void refusesAReplayedAnswerWhoseNonceIsNotThisRequests() throws Exception {
        try (OcspResponder responder = responder(Clock.systemUTC(), pki.ocspAuthorities())) {
            // A proxy that recorded one genuine answer and serves it to every later request.
            AtomicReference<byte[]> recorded = new AtomicReference<>();
            HttpServer proxy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
            proxy.createContext("/", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                if (recorded.get() == null) {
                    try {
                        recorded.set(HttpClient.newHttpClient()
                                .send(
                                        HttpRequest.newBuilder(responder.uri())
                                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofByteArray())
                                .body());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                exchange.sendResponseHeaders(200, recorded.get().length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(recorded.get());
                }
            });
            proxy.start();
            try {
                URI uri = URI.create("http://127.0.0.1:" + proxy.getAddress().getPort() + "/ocsp");
                OcspClient client = client(Clock.systemUTC());
                assertInstanceOf(OcspClient.Answer.Good.class, client.status(leaf, issuer, uri));
                OcspClient.Answer replayed = client.status(leaf, issuer, uri);
                assertInstanceOf(OcspClient.Answer.Failed.class, replayed);
                assertTrue(((OcspClient.Answer.Failed) replayed).why().contains("nonce"), replayed.toString());
            } finally {
                proxy.stop(0);
            }
        }
    }

    @Test
    void refusesAnAnswerPastItsNextUpdate() throws Exception {
        AdvanceableClock gatewayClock = new AdvanceableClock();
        gatewayClock.advance(Duration.ofMinutes(6)); // the responder's answers are good for 5 minutes
        try (OcspResponder responder = responder(Clock.systemUTC(), pki.ocspAuthorities())) {
            OcspClient.Answer answer = client(gatewayClock).status(leaf, issuer, responder.uri());
            assertInstanceOf(OcspClient.Answer.Failed.class, answer);
            assertTrue(((OcspClient.Answer.Failed) answer).why().contains("stale"), answer.toString());
        }
    }

    @Test
    void unreachableResponderIsAFailureNotAnAnswer() {
        int port;
        try (java.net.ServerSocket socket =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        URI nobody = URI.create("http://127.0.0.1:" + port + "/ocsp");
        OcspClient.Answer answer = client(Clock.systemUTC()).status(leaf, issuer, nobody);
        assertTrue(
                answer instanceof OcspClient.Answer.Failed failed
                        && failed.why().contains("unreachable"),
                answer.toString());
    }
}
