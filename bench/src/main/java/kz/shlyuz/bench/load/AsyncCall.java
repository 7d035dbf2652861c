package kz.shlyuz.bench.load;

import com.google.common.util.concurrent.ListenableFuture;

/** Sends the {@code seq}-th request of a phase over an async stub; the future completes with its answer. */
@FunctionalInterface
public interface AsyncCall {
    ListenableFuture<?> send(long seq);
}
