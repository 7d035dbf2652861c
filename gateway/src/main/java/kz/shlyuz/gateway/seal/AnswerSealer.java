package kz.shlyuz.gateway.seal;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import com.google.protobuf.util.Timestamps;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import kz.shlyuz.certs.cms.CmsSigner;
import kz.shlyuz.certs.cms.SignerKey;
import kz.shlyuz.gateway.batching.Gathering;
import kz.shlyuz.gateway.batching.GroupCommitter;
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

    private static final GroupCommitter.Failures FAILURES = new GroupCommitter.Failures() {
        @Override
        public RuntimeException of(String message, Throwable cause) {
            return new SealFailure(message, cause);
        }

        @Override
        public RuntimeException failed(Throwable cause) {
            return new SealFailure("the batch could not be sealed", cause);
        }
    };

    private final CmsSigner signer;
    private final SignerKey gatewayKey;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong sealed = new AtomicLong();
    private final GroupCommitter<Pending, AnswerSeal> worker;

    private record Pending(ByteString salt, ByteString leafHash) {
        /** Over a fresh salt that nobody changes afterwards, and the answer's leaf hash under it. */
        static Pending of(byte[] salt, byte[] content) {
            return new Pending(
                    UnsafeByteOperations.unsafeWrap(salt),
                    UnsafeByteOperations.unsafeWrap(MerkleTree.leafHash(salt, content)));
        }
    }

    /**
     * @param signer signs the manifests (with the gateway's TSA when it has one)
     * @param gatewayKey the gateway's signing key
     * @param maxBatch most answers under one signature: bounds a batch's proof length and what one
     *     failed signature affects
     * @param timeout the longest a caller waits for its seal (less when its gRPC deadline is nearer)
     */
    public AnswerSealer(CmsSigner signer, SignerKey gatewayKey, Clock clock, int maxBatch, Duration timeout) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be positive");
        }
        this.signer = signer;
        this.gatewayKey = gatewayKey;
        this.clock = clock;
        // Under load (the previous batch held GATHER_AFTER answers or more) a batch waits up to
        // GATHER_NANOS for the answers arriving meanwhile: the two private-key operations of a batch
        // cost the same for two answers as for twenty, and at full load the sealing thread would
        // otherwise spend most of a core signing batches of two. A lone answer is sealed at once.
        this.worker = new GroupCommitter<>(
                new GroupCommitter.Settings(
                        "the answer sealer",
                        "answer-sealer",
                        QUEUE_CAPACITY,
                        new Gathering(maxBatch, maxBatch, GATHER_NANOS, GATHER_NANOS),
                        GATHER_AFTER,
                        timeout,
                        timeout),
                this::seal,
                FAILURES,
                () -> {});
    }

    /**
     * Seals one answer's content bytes; returns once the batch holding it is signed.
     *
     * @throws SealFailure if the batch could not be signed, or not within the caller's remaining
     *     gRPC deadline (at most the timeout)
     */
    public AnswerSeal seal(byte[] content) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return worker.await(worker.submit(Pending.of(salt, content)), "not sealed");
    }

    /** Batches signed so far (for the log at shutdown, and tests). */
    public long batches() {
        return batches.get();
    }

    /** Answers waiting for the next batch (tests). */
    int waiting() {
        return worker.waiting();
    }

    /** Answers sealed so far. */
    public long sealed() {
        return sealed.get();
    }

    /**
     * Seals the given contents as one batch in the caller's thread, the way the sealing thread
     * seals a batch (for micro-benchmarks and tools; calls use {@link #seal}).
     */
    public List<AnswerSeal> sealTogether(List<byte[]> contents) {
        List<GroupCommitter.Item<Pending, AnswerSeal>> batch = new ArrayList<>(contents.size());
        for (byte[] content : contents) {
            byte[] salt = new byte[SALT_BYTES];
            random.nextBytes(salt);
            batch.add(new GroupCommitter.Item<>(Pending.of(salt, content), new CompletableFuture<>()));
        }
        seal(batch);
        return batch.stream().map(p -> p.done().join()).toList();
    }

    /** Signs one batch and completes each answer's seal; a failed signature fails the whole batch. */
    private void seal(List<GroupCommitter.Item<Pending, AnswerSeal>> batch) {
        MerkleTree tree = MerkleTree.over(
                batch.stream().map(p -> p.value().leafHash().toByteArray()).toList());
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
                    .setLeafSalt(batch.get(i).value().salt());
            for (MerkleTree.Step step : tree.path(i)) {
                seal.addPath(MerkleStep.newBuilder().setSibling(step.sibling()).setSiblingOnLeft(step.siblingOnLeft()));
            }
            batch.get(i).done().complete(seal.build());
        }
        batches.incrementAndGet();
        sealed.addAndGet(batch.size());
    }

    /** Stops taking answers; those already waiting are sealed first. */
    @Override
    public void close() {
        worker.close();
        log.info("answer sealer closed: {} answers in {} batches", sealed.get(), batches.get());
    }

    /** An answer could not be sealed; the caller gets an internal error, nothing is half-sealed. */
    public static final class SealFailure extends RuntimeException {
        SealFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
