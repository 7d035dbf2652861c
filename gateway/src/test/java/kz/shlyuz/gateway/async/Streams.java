package kz.shlyuz.gateway.async;

import io.grpc.Context;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Collects a server stream in a test; {@link #close()} cancels it as a client that goes away. */
final class Streams<T> implements StreamObserver<T>, AutoCloseable {
    private final BlockingQueue<T> items = new LinkedBlockingQueue<>();
    private final Context.CancellableContext context = Context.current().withCancellation();
    volatile Throwable error;

    static <T> Streams<T> open(Consumer<StreamObserver<T>> call) {
        Streams<T> s = new Streams<>();
        s.context.run(() -> call.accept(s));
        return s;
    }

    /** The next {@code n} items, waiting at most {@code wait} for each. */
    List<T> take(int n, Duration wait) throws InterruptedException {
        List<T> taken = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            T item = items.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (item == null) {
                throw new AssertionError("only " + taken.size() + " of " + n + " items arrived"
                        + (error == null ? "" : "; stream failed: " + error));
            }
            taken.add(item);
        }
        return taken;
    }

    /** Whatever arrives within {@code quiet} of the last item. */
    List<T> drain(Duration quiet) throws InterruptedException {
        List<T> taken = new ArrayList<>();
        T item;
        while ((item = items.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
            taken.add(item);
        }
        return taken;
    }

    @Override
    public void onNext(T value) {
        items.add(value);
    }

    @Override
    public void onError(Throwable t) {
        error = t;
    }

    @Override
    public void onCompleted() {}

    @Override
    public void close() {
        context.cancel(null);
    }
}
