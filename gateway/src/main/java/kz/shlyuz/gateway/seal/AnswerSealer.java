package kz.shlyuz.gateway.seal;

import com.google.protobuf.ByteString;
import com.google.protobuf.util.Timestamps;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import kz.shlyuz.certs.cms.CmsSigner;
import kz.shlyuz.certs.cms.SignerKey;
import kz.shlyuz.gateway.batching.Gathering;
import kz.shlyuz.proto.seal.MerkleTree;
import kz.shlyuz.proto.v1.AnswerSeal;
import kz.shlyuz.proto.v1.MerkleStep;
import kz.shlyuz.proto.v1.SealManifest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals answers in batches: callers hand in an answer's content and wait; one sealing thread takes
 * every answer waiting at that moment (up to {@code maxBatch}), builds their Merkle tree and signs
 * its manifest once with the gateway's key and a time-stamp. Under load the answers arriving while
 * one batch is being signed form the next, so the two private-key operations per batch (signature
 * and time-stamp) are shared by the whole batch; an answer alone is sealed at once, as a batch of one.
 */
public final class AnswerSealer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AnswerSealer.class);
    private static final int SALT_BYTES = 16;
    private static final int QUEUE_CAPACITY = 8192;
    /** How long a batch may wait for more answers under load. */
    static final long GATHER_NANOS = 3_000_000;
    /**
     * Load, for the gathering: the previous batch held at least this many answers. Two answers
     * finishing together now and then (a quarter of full load) do not make the next one wait.
     */
    static final int GATHER_AFTER = 3;

    private final CmsSigner signer;
    private final SignerKey gatewayKey;
    private final Clock clock;
    private final int maxBatch;
    private final Duration timeout;
    private final SecureRandom random = new SecureRandom();
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong sealed = new AtomicLong();
    private final Gathering gathering;
    private final Thread worker;
    private volatile boolean closing;
    /** Size of the batch sealed last (the sealing thread's own). */
    private int previousBatch;

    private record Pending(byte[] salt, byte[] leafHash, CompletableFuture<AnswerSeal> seal) {}

    /**
     * @param signer signs the manifests (with the gateway's TSA when it has one)
     * @param gatewayKey the gateway's signing key
     * @param maxBatch most answers under one signature: bounds a batch's proof length and what one
     *     failed signature affects
     * @param timeout how long a caller may wait for its seal
     */
    public AnswerSealer(CmsSigner signer, SignerKey gatewayKey, Clock clock, int maxBatch, Duration timeout) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be positive");
        }
        this.signer = signer;
        this.gatewayKey = gatewayKey;
        this.clock = clock;
        this.maxBatch = maxBatch;
        this.timeout = timeout;
        this.gathering = new Gathering(maxBatch, maxBatch, GATHER_NANOS, GATHER_NANOS);
        this.worker = new Thread(this::sealBatches, "answer-sealer");
        this.worker.setDaemon(true);
        this.worker.start();
    }

    /**
     * Seals one answer's content bytes; returns once the batch holding it is signed.
     *
     * @throws SealFailure if the batch could not be signed or not within the timeout
     */
    public AnswerSeal seal(byte[] content) {
        if (closing) {
            throw new SealFailure("the answer sealer is closing", null);
        }
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        Pending pending = new Pending(salt, MerkleTree.leafHash(salt, content), new CompletableFuture<>());
        try {
            if (!queue.offer(pending, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new SealFailure(QUEUE_CAPACITY + " answers already wait for a seal", null);
            }
            return pending.seal().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SealFailure("interrupted while waiting for the seal", e);
        } catch (TimeoutException e) {
            throw new SealFailure("not sealed within " + timeout, e);
        } catch (ExecutionException e) {
            throw new SealFailure("the batch could not be sealed", e.getCause());
        }
    }

    /** Batches signed so far (for the log at shutdown, and tests). */
    public long batches() {
        return batches.get();
    }

    /** Answers waiting for the next batch (tests). */
    int waiting() {
        return queue.size();
    }

    /** Answers sealed so far. */
    public long sealed() {
        return sealed.get();
    }

    private void sealBatches() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (true) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (closing) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                if (previousBatch >= GATHER_AFTER) {
                    gatherUnderLoad(batch);
                }
                previousBatch = batch.size();
                seal(batch);
            } catch (InterruptedException e) {
                failAll(new SealFailure("the answer sealer was stopped", e));
                return;
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * Under load (the previous batch held {@link #GATHER_AFTER} answers or more) the batch waits
     * up to {@link #GATHER_NANOS} for the answers arriving meanwhile: the two private-key
     * operations of a batch cost the same for two answers as for twenty, and at full load the
     * sealing thread would otherwise spend most of a core signing batches of two. A lone answer
     * is sealed at once.
     */
    private void gatherUnderLoad(List<Pending> batch) throws InterruptedException {
        gathering.gather(queue, batch);
    }

    /**
     * Seals the given contents as one batch in the caller's thread, the way the sealing thread
     * seals a batch (for micro-benchmarks and tools; calls use {@link #seal}).
     */
    public List<AnswerSeal> sealTogether(List<byte[]> contents) {
        List<Pending> batch = new ArrayList<>(contents.size());
        for (byte[] content : contents) {
            byte[] salt = new byte[SALT_BYTES];
            random.nextBytes(salt);
            batch.add(new Pending(salt, MerkleTree.leafHash(salt, content), new CompletableFuture<>()));
        }
        seal(batch);
        return batch.stream().map(p -> p.seal().join()).toList();
    }

    private void seal(List<Pending> batch) {
        try {
            MerkleTree tree = MerkleTree.over(batch.stream().map(Pending::leafHash).toList());
            byte[] manifest = SealManifest.newBuilder()
                    .setSealId(UUID.randomUUID().toString())
                    .setSealedAt(Timestamps.fromMillis(clock.millis()))
                    .setHashAlgorithm(MerkleTree.HASH_ALGORITHM)
                    .setLeafCount(tree.leafCount())
                    .setRoot(ByteString.copyFrom(tree.root()))
                    .build()
                    .toByteArray();
            ByteString manifestBytes = ByteString.copyFrom(manifest);
            ByteString signature = ByteString.copyFrom(signer.signDetached(manifest, gatewayKey));
            for (int i = 0; i < batch.size(); i++) {
                AnswerSeal.Builder seal = AnswerSeal.newBuilder()
                        .setManifest(manifestBytes)
                        .setManifestSignature(signature)
                        .setLeafSalt(ByteString.copyFrom(batch.get(i).salt()));
                for (MerkleTree.Step step : tree.path(i)) {
                    seal.addPath(MerkleStep.newBuilder()
                            .setSibling(ByteString.copyFrom(step.sibling()))
                            .setSiblingOnLeft(step.siblingOnLeft()));
                }
                batch.get(i).seal().complete(seal.build());
            }
            batches.incrementAndGet();
            sealed.addAndGet(batch.size());
        } catch (RuntimeException e) {
            log.error("sealing a batch of {} answers failed", batch.size(), e);
            batch.forEach(p -> p.seal().completeExceptionally(e));
        }
    }

    private void failAll(SealFailure failure) {
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(p -> p.seal().completeExceptionally(failure));
    }

    /** Stops taking answers; those already waiting are sealed first. */
    @Override
    public void close() {
        closing = true;
        try {
            worker.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker.interrupt();
        failAll(new SealFailure("the answer sealer is closed", null));
        log.info("answer sealer closed: {} answers in {} batches", sealed.get(), batches.get());
    }

    /** An answer could not be sealed; the caller gets an internal error, nothing is half-sealed. */
    public static final class SealFailure extends RuntimeException {
        SealFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
