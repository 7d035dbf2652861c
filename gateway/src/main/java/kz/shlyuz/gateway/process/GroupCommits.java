package kz.shlyuz.gateway.process;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kz.shlyuz.gateway.batching.CallerDeadline;
import kz.shlyuz.gateway.journal.JournalException;

/** Waiting for work given to the {@link CaseWriter}: a Submit or a step result waits for its group's commit. */
final class GroupCommits {
    /** How long a Submit or a step result waits for the commit of its group. */
    static final Duration WRITE_TIMEOUT = Duration.ofSeconds(20);

    private GroupCommits() {}

    /**
     * The result of work given to the case writer, waiting at most {@link #WRITE_TIMEOUT} or what is
     * left of the caller's gRPC deadline, whichever is less.
     */
    static <T> T await(CompletableFuture<T> written) {
        try {
            return written.get(CallerDeadline.nanosLeft(WRITE_TIMEOUT), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new JournalException("case store", e.getCause());
        } catch (TimeoutException e) {
            throw new JournalException(
                    "case store: not committed within " + WRITE_TIMEOUT + " or the caller's deadline", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JournalException("interrupted before the case was known to be committed", e);
        }
    }
}
