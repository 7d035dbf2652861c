package kz.shlyuz.gateway.ops;

import java.util.concurrent.CountDownLatch;
import kz.shlyuz.gateway.ops.health.FatalErrors;

/**
 * A process whose writer thread dies of an exhausted heap, as a launcher sets it up: the handler
 * must log one clear line and end the process with status 70 although a non-daemon thread would
 * keep it alive.
 */
public final class FatalThreadMain {
    private FatalThreadMain() {}

    public static void main(String[] args) throws Exception {
        FatalErrors.install();
        FatalErrors.exitOnFatal(true);
        CountDownLatch never = new CountDownLatch(1); // nothing counts it down: the thread stays until the exit
        Thread keepAlive = new Thread(
                () -> {
                    try {
                        never.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "keep-alive");
        keepAlive.start();
        Thread writer = new Thread(
                () -> {
                    throw new OutOfMemoryError("Java heap space (simulated)");
                },
                "journal-group-commit");
        writer.start();
        keepAlive.join();
    }
}
