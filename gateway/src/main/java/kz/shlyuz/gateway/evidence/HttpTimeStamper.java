package kz.shlyuz.gateway.evidence;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import kz.shlyuz.certs.cms.TimeStamper;
import kz.shlyuz.gateway.signature.BoundedPost;
import kz.shlyuz.gateway.signature.CircuitBreaker;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;

/**
 * An RFC 3161 authority over HTTP (section 3.4), the way the national CA's {@code tsp.pki.gov.kz}
 * is reached: the imprint is SHA-256 of the given bytes, the token must answer this request
 * (imprint, nonce) and carry the TSA's certificate. Every request has one deadline for the whole
 * exchange, body included ({@link BoundedPost}). An authority that is unreachable, times out or
 * answers an HTTP error is left alone for {@code openFor} ({@link CircuitBreaker}): the stampings
 * in that time fail at once instead of each waiting for the deadline, and the first one after it
 * probes the authority again.
 */
public final class HttpTimeStamper implements TimeStamper {
    private static final int MAX_RESPONSE_BYTES = 64 * 1024;
    private final URI uri;
    private final Duration timeout;
    private final HttpClient http;
    private final CircuitBreaker breaker;
    private final SecureRandom random = new SecureRandom();

    /** An authority whose failures leave it alone for 30 seconds. */
    public HttpTimeStamper(URI uri, Duration timeout) {
        this(uri, timeout, Duration.ofSeconds(30), Clock.systemUTC());
    }

    public HttpTimeStamper(URI uri, Duration timeout, Duration openFor, Clock clock) {
        this.uri = Objects.requireNonNull(uri, "uri");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.breaker = new CircuitBreaker(openFor, clock);
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public byte[] timeStampToken(byte[] data) {
        if (!breaker.allow()) {
            CircuitBreaker.State state = breaker.state();
            throw new IllegalStateException(uri + " is left alone until " + state.openUntil() + " after it failed ("
                    + state.lastFailure() + ")");
        }
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(
                NISTObjectIdentifiers.id_sha256, Digests.sha256().digest(data), new BigInteger(64, random));
        BoundedPost.Reply reply;
        try {
            reply = BoundedPost.post(
                    http, uri, "application/timestamp-query", request.getEncoded(), timeout, MAX_RESPONSE_BYTES);
        } catch (BoundedPost.TooLarge e) {
            breaker.succeeded(); // it answers; what it answered is unusable
            throw new IllegalStateException(uri + " " + e.getMessage(), e);
        } catch (IOException e) {
            breaker.failed(e.getClass().getSimpleName());
            throw new IllegalStateException(
                    uri + " unreachable (" + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(uri + ": interrupted", e);
        }
        if (reply.status() != 200) {
            breaker.failed("HTTP " + reply.status());
            throw new IllegalStateException(uri + " answered HTTP " + reply.status());
        }
        breaker.succeeded();
        try {
            TimeStampResponse response = new TimeStampResponse(reply.body().toByteArray());
            response.validate(request);
            if (response.getTimeStampToken() == null) {
                throw new IllegalStateException(uri + " granted no token: " + response.getStatusString());
            }
            return response.getTimeStampToken().getEncoded();
        } catch (TSPException | IOException e) {
            throw new IllegalStateException(uri + " answered an unusable time-stamp: " + e.getMessage(), e);
        }
    }

    /** Whether the authority is being left alone, since when it failed and how often. */
    public CircuitBreaker.State state() {
        return breaker.state();
    }

    @Override
    public String toString() {
        return "RFC 3161 TSA " + uri;
    }
}
