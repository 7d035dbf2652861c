package kz.shlyuz.gateway.batching;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * How long a group waits for more work before it is written or signed (as PostgreSQL's
 * {@code commit_delay}): it takes what arrives until it holds {@code enough} items, until nothing
 * arrived for {@code gapNanos}, or until {@code totalNanos} have passed, whichever comes first.
 *
 * @param enough a group this large goes at once
 * @param max the most items one group may hold
 * @param totalNanos the longest a group waits in all
 * @param gapNanos the longest it waits for the next item (equal to {@code totalNanos}: no gap rule)
 */
public record Gathering(int enough, int max, long totalNanos, long gapNanos) {
    public Gathering {
        if (enough < 1) {
            throw new IllegalArgumentException("enough: " + enough + " (expected: > 0)");
        }
        if (max < enough) {
            throw new IllegalArgumentException("max: " + max + " (expected: >= enough, " + enough + ")");
        }
        if (totalNanos < 0 || gapNanos < 0) {
            throw new IllegalArgumentException(
                    "totalNanos/gapNanos: " + totalNanos + "/" + gapNanos + " (expected: >= 0)");
        }
    }

    /** Adds to {@code group} what arrives on {@code queue} within the bounds above. */
    public <T> void gather(BlockingQueue<? extends T> queue, List<T> group) throws InterruptedException {
        long until = System.nanoTime() + totalNanos;
        while (group.size() < enough) {
            long left = Math.min(gapNanos, until - System.nanoTime());
            T more = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
            if (more == null) {
                return;
            }
            group.add(more);
            queue.drainTo(group, max - group.size());
        }
    }
}
