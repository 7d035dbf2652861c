package kz.shlyuz.gateway.seal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import kz.shlyuz.certs.cms.CmsSigner;
import kz.shlyuz.certs.cms.TimeStamper;
import kz.shlyuz.certs.identity.Organisation;
import kz.shlyuz.certs.pki.DevPki;
import kz.shlyuz.certs.testing.Await;
import kz.shlyuz.certs.tsa.TimeStampAuthority;
import kz.shlyuz.gateway.TestPki;
import kz.shlyuz.gateway.server.DevMaterial;
import kz.shlyuz.gateway.signature.SignatureVerifier;
import kz.shlyuz.gateway.status.Reason;
import kz.shlyuz.gateway.status.Refusal;
import kz.shlyuz.proto.v1.AnswerSeal;
import kz.shlyuz.proto.v1.SignedResponse;
import org.junit.jupiter.api.Test;

class AnswerSealerTest {
    private final Clock clock = Clock.systemUTC();
    private final DevPki pki = TestPki.get();
    private final SignatureVerifier verifier = new SignatureVerifier(TestPki.trust(), clock, Duration.ofMinutes(5));

    private AnswerSealer sealer(TimeStamper stamper, int maxBatch) {
        return new AnswerSealer(
                new CmsSigner(clock).withTimeStamps(stamper),
                pki.signerKey(DevMaterial.GATEWAY_SIGNER),
                clock,
                maxBatch,
                Duration.ofSeconds(10));
    }

    private static byte[] answer(int i) {
        return ("answer " + i).getBytes(StandardCharsets.UTF_8);
    }

    private static SignedResponse sealed(byte[] content, AnswerSeal seal) {
        return SignedResponse.newBuilder()
                .setContent(ByteString.copyFrom(content))
                .setGatewaySeal(seal)
                .build();
    }

    @Test
    void answersWaitingTogetherShareOneTimeStampedSignatureAndEachProvesItsOwnContent() throws Exception {
        TimeStamper tsa = new TimeStampAuthority(pki.newTimeStampingKey("RSA"), clock);
        CountDownLatch firstStampStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstStamp = new CountDownLatch(1);
        TimeStamper gated = signatureValue -> {
            if (firstStampStarted.getCount() > 0) {
                firstStampStarted.countDown();
                awaitQuietly(releaseFirstStamp);
            }
            return tsa.timeStampToken(signatureValue);
        };
        ExecutorService callers = Executors.newFixedThreadPool(64);
        try (AnswerSealer sealer = sealer(gated, 1024)) {
            List<Future<AnswerSeal>> seals = new ArrayList<>();
            seals.add(callers.submit(() -> sealer.seal(answer(0))));
            assertTrue(firstStampStarted.await(10, TimeUnit.SECONDS), "the first batch is being signed");
            for (int i = 1; i < 64; i++) {
                int n = i;
                seals.add(callers.submit(() -> sealer.seal(answer(n))));
            }
            Await.until(
                    () -> sealer.waiting() >= 63,
                    Duration.ofSeconds(10),
                    () -> "63 answers wait for the next batch; " + sealer.waiting() + " do");
            releaseFirstStamp.countDown();

            Set<String> manifests = new HashSet<>();
            for (int i = 0; i < 64; i++) {
                AnswerSeal seal = seals.get(i).get(10, TimeUnit.SECONDS);
                AnswerSeals.VerifiedSeal verified = AnswerSeals.verify(sealed(answer(i), seal), verifier);
                assertEquals(
                        Organisation.GATEWAY_OPERATOR.bin().value(),
                        verified.gateway().holder().bin(),
                        "the gateway operator's BIN signs the seal");
                assertFalse(verified.gateway().timeStamp().isEmpty(), "the seal's signature is time-stamped");
                manifests.add(seal.getManifest().toStringUtf8());
            }
            assertEquals(2, sealer.batches(), "one batch for the first answer, one for the 63 that waited");
            assertEquals(64, sealer.sealed());
            assertEquals(2, manifests.size());
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aSealDoesNotVouchForOtherContent() {
        TimeStamper tsa = new TimeStampAuthority(pki.newTimeStampingKey("RSA"), clock);
        try (AnswerSealer sealer = sealer(tsa, 16)) {
            AnswerSeal seal = sealer.seal(answer(1));
            AnswerSeals.verify(sealed(answer(1), seal), verifier);
            Refusal refusal = assertThrows(Refusal.class, () -> AnswerSeals.verify(sealed(answer(2), seal), verifier));
            assertEquals(Reason.SIGNATURE_INVALID, refusal.reason());
            AnswerSeal otherRoot = seal.toBuilder()
                    .setManifest(ByteString.copyFromUtf8("not the signed manifest"))
                    .build();
            assertThrows(Refusal.class, () -> AnswerSeals.verify(sealed(answer(1), otherRoot), verifier));
        }
    }

    @Test
    void aFailedSignatureFailsTheBatchWithoutSealingAnything() {
        TimeStamper broken = signatureValue -> {
            throw new IllegalStateException("TSA unreachable");
        };
        try (AnswerSealer sealer = sealer(broken, 16)) {
            AnswerSealer.SealFailure failure =
                    assertThrows(AnswerSealer.SealFailure.class, () -> sealer.seal(answer(1)));
            assertTrue(failure.getCause().getMessage().contains("TSA unreachable"), failure.toString());
            assertEquals(0, sealer.sealed());
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
