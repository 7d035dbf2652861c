package kz.shlyuz.gateway.evidence;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import kz.shlyuz.certs.cms.TimeStamper;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;

/**
 * An RFC 3161 authority over HTTP (section 3.4), the way the national CA's {@code tsp.pki.gov.kz}
 * is reached: the imprint is SHA-256 of the given bytes, the token must answer this request
 * (imprint, nonce) and carry the TSA's certificate. Every request has a deadline.
 */
public final class HttpTimeStamper implements TimeStamper {
    private static final int MAX_RESPONSE_BYTES = 64 * 1024;
    private final URI uri;
    private final Duration timeout;
    private final HttpClient http;
    private final SecureRandom random = new SecureRandom();

    public HttpTimeStamper(URI uri, Duration timeout) {
        this.uri = uri;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public byte[] timeStampToken(byte[] data) {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(NISTObjectIdentifiers.id_sha256,
                Digests.sha256().digest(data), new BigInteger(64, random));
        try {
            HttpResponse<byte[]> reply = http.send(HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Content-Type", "application/timestamp-query")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (reply.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered HTTP " + reply.statusCode());
            }
            if (reply.body().length > MAX_RESPONSE_BYTES) {
                throw new IllegalStateException(uri + " answered more than " + MAX_RESPONSE_BYTES + " bytes");
            }
            TimeStampResponse response = new TimeStampResponse(reply.body());
            response.validate(request);
            if (response.getTimeStampToken() == null) {
                throw new IllegalStateException(uri + " granted no token: " + response.getStatusString());
            }
            return response.getTimeStampToken().getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException(uri + " unreachable (" + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(uri + ": interrupted", e);
        } catch (TSPException e) {
            throw new IllegalStateException(uri + " answered an unusable time-stamp: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "RFC 3161 TSA " + uri;
    }
}
