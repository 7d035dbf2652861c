package kz.shlyuz.bench.micro;

import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kz.shlyuz.certs.cms.CmsSigner;
import kz.shlyuz.certs.cms.SignerKey;
import kz.shlyuz.certs.pki.DevPki;
import kz.shlyuz.certs.tsa.TimeStampAuthority;
import kz.shlyuz.gateway.seal.AnswerSealer;
import kz.shlyuz.gateway.server.DevMaterial;
import kz.shlyuz.proto.v1.AnswerSeal;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The gateway's signature on an agency answer: {@link CmsSigner#addSigners} over an answer
 * already signed by MVD and the Ministry of Justice, against one raw SHA256withRSA signature with
 * the same key (the floor: RSA-2048 private-key operations dominate), and the batch seal of 16
 * answers ({@link AnswerSealer#sealTogether}), counted per answer; and one batch of one answer
 * sealed with the development TSA's time-stamp, as a node seals it under no load: what one seal
 * costs, whatever its size (a signature and a time-stamp, two RSA-2048 private-key operations).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ResponseSigningBenchmark {
    private CmsSigner signer;
    private SignerKey gateway;
    private byte[] content;
    private byte[] agencySignature;
    private AnswerSealer sealer;
    private AnswerSealer stampedSealer;
    private List<byte[]> batchOf16;

    @Setup
    public void setUp() {
        DevPki pki = BenchPki.get();
        signer = new CmsSigner(Clock.systemUTC());
        gateway = pki.signerKey(DevMaterial.GATEWAY_SIGNER);
        content = new byte[600];
        new java.util.Random(2).nextBytes(content);
        List<SignerKey> agency = List.of(pki.signerKey("agency-mvd"), pki.signerKey("agency-moj"));
        agencySignature = signer.signDetached(content, agency);
        sealer = new AnswerSealer(signer, gateway, Clock.systemUTC(), 1024, Duration.ofSeconds(30));
        stampedSealer = new AnswerSealer(
                signer.withTimeStamps(new TimeStampAuthority(pki.newTimeStampingKey("RSA"), Clock.systemUTC())),
                gateway,
                Clock.systemUTC(),
                1024,
                Duration.ofSeconds(30));
        batchOf16 = java.util.stream.IntStream.range(0, 16)
                .mapToObj(i -> {
                    byte[] answer = content.clone();
                    answer[0] = (byte) i;
                    return answer;
                })
                .toList();
    }

    @TearDown
    public void tearDown() {
        sealer.close();
        stampedSealer.close();
    }

    /** One seal, time-stamped: a batch of one. */
    @Benchmark
    public List<AnswerSeal> sealAloneWithTimeStamp() {
        return stampedSealer.sealTogether(List.of(content));
    }

    /** Per answer: one batch of 16 sealed under one signature. */
    @Benchmark
    @OperationsPerInvocation(16)
    public List<AnswerSeal> sealBatchOf16() {
        return sealer.sealTogether(batchOf16);
    }

    @Benchmark
    public byte[] addSigners() {
        return signer.addSigners(agencySignature, content, List.of(gateway));
    }

    @Benchmark
    public byte[] rawRsaSign() throws Exception {
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(gateway.privateKey());
        rsa.update(content);
        return rsa.sign();
    }
}
