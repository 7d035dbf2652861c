package kz.shlyuz.gateway.ops;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import kz.shlyuz.certs.ocsp.OcspResponder;
import kz.shlyuz.certs.pki.DevPki;

/**
 * The dev PKI's real OCSP responder behind a door the test holds: the first request waits until
 * {@link #release()}, so a call is in flight inside the gateway for as long as the test needs.
 * Later requests pass straight through.
 */
final class HeldOcsp implements AutoCloseable {
    private final OcspResponder responder;
    private final HttpServer door;
    private final HttpClient http = HttpClient.newHttpClient();
    private final CountDownLatch arrived = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private final AtomicBoolean first = new AtomicBoolean(true);

    HeldOcsp(DevPki pki, Clock clock) throws IOException {
        responder = OcspResponder.start(
                new InetSocketAddress("127.0.0.1", 0),
                pki.ocspAuthorities(),
                pki.certificateStatuses(),
                clock,
                Duration.ofMinutes(5));
        door = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        door.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        door.createContext("/", exchange -> {
            try (exchange;
                    InputStream in = exchange.getRequestBody()) {
                byte[] request = in.readAllBytes();
                if (first.getAndSet(false)) {
                    arrived.countDown();
                    released.await(30, TimeUnit.SECONDS);
                }
                HttpResponse<byte[]> answer = http.send(
                        HttpRequest.newBuilder(responder.uri())
                                .header("Content-Type", "application/ocsp-request")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(request))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                exchange.getResponseHeaders().set("Content-Type", "application/ocsp-response");
                exchange.sendResponseHeaders(answer.statusCode(), answer.body().length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer.body());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        door.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + door.getAddress().getPort() + "/");
    }

    /** Waits until the first request is held at the door. */
    boolean awaitHeld() throws InterruptedException {
        return arrived.await(20, TimeUnit.SECONDS);
    }

    void release() {
        released.countDown();
    }

    @Override
    public void close() {
        released.countDown();
        door.stop(0);
        responder.close();
    }
}
