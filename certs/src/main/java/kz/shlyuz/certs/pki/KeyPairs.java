package kz.shlyuz.certs.pki;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * RSA-2048 key pairs, made in parallel: prime search dominates generation time, and about fifty
 * keys one after another take several seconds. All draw from one {@link SecureRandom}, which is
 * thread-safe.
 */
final class KeyPairs {
    static final String ALGORITHM = "RSA";
    static final int BITS = 2048;

    private KeyPairs() {}

    static List<KeyPair> generate(int count, SecureRandom random) {
        int threads = Math.max(1, Math.min(count, Runtime.getRuntime().availableProcessors()));
        ExecutorService executor = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "dev-pki-keygen");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<KeyPair>> futures = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                futures.add(executor.submit(() -> one(random)));
            }
            List<KeyPair> pairs = new ArrayList<>(count);
            for (Future<KeyPair> future : futures) {
                pairs.add(future.get());
            }
            return pairs;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating keys", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot generate " + ALGORITHM + " keys", e.getCause());
        } finally {
            executor.shutdownNow();
        }
    }

    private static KeyPair one(SecureRandom random) throws NoSuchAlgorithmException {
        // A generator per key: KeyPairGenerator instances are not thread-safe.
        KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
        generator.initialize(BITS, random);
        return generator.generateKeyPair();
    }
}
