package kz.shlyuz.gateway.signature;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP POST to an OCSP responder or a time-stamp authority, bounded as a whole: the deadline
 * covers connecting, the headers <em>and</em> the body, and the body is read up to a byte limit.
 *
 * <p>The JDK client's request timeout stops at the response headers; a responder that sends its
 * headers and then stalls the body would hold the caller's thread for ever. Here the exchange is
 * sent asynchronously and awaited for the deadline; on expiry the exchange is cancelled (which
 * closes its stream) and the caller gets an {@link HttpTimeoutException}.
 */
public final class BoundedPost {
    /** The status and the body (at most the limit's bytes) of an answer. */
    public record Reply(int status, ByteString body) {}

    /** The answer's body was longer than the limit: the peer answered, but too much to read. */
    public static final class TooLarge extends IOException {
        TooLarge(int maxBytes) {
            super("answered more than " + maxBytes + " bytes");
        }
    }

    private BoundedPost() {}

    /**
     * Posts {@code body} and waits at most {@code deadline} for the whole answer.
     *
     * @throws HttpTimeoutException the deadline passed before the body was complete
     * @throws TooLarge the body was longer than {@code maxBytes}
     * @throws IOException the connection failed
     */
    public static Reply post(HttpClient http, URI uri, String contentType, byte[] body, Duration deadline, int maxBytes)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(deadline)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request, info -> new Capped(maxBytes));
        try {
            HttpResponse<byte[]> reply = exchange.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
            // The client's fresh array is handed over: wrapped, not copied.
            return new Reply(reply.statusCode(), UnsafeByteOperations.unsafeWrap(reply.body()));
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new HttpTimeoutException(uri + " did not finish its answer within " + deadline);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        }
    }

    /** Collects the body and gives up (cancelling the stream) once it passes the limit. */
    private static final class Capped implements HttpResponse.BodySubscriber<byte[]> {
        private final int maxBytes;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        Capped(int maxBytes) {
            this.maxBytes = maxBytes;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer item : items) {
                if (out.size() + (long) item.remaining() > maxBytes) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge(maxBytes));
                    return;
                }
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                out.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(out.toByteArray());
        }
    }
}
