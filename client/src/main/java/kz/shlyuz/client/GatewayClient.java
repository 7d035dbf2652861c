package kz.shlyuz.client;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kz.shlyuz.certs.tls.TlsFiles;
import kz.shlyuz.proto.seal.AnswerForm;
import kz.shlyuz.proto.v1.GatewayGrpc;
import kz.shlyuz.proto.v1.SignedRequest;
import kz.shlyuz.proto.v1.SignedResponse;

/** A mutual-TLS connection to the gateway as one sending system. */
public final class GatewayClient implements AutoCloseable {
    private final ManagedChannel channel;
    private final Duration deadline;

    /**
     * @param tls the sending system's TLS identity (its CN is its sender id)
     * @param authority the name the gateway's certificate must carry (e.g. {@code gateway})
     */
    public GatewayClient(String host, int port, TlsFiles tls, String authority, Duration deadline) {
        this.channel = Grpc.newChannelBuilderForAddress(host, port, credentials(tls))
                .overrideAuthority(authority)
                .maxInboundMessageSize(16 << 20)
                .build();
        this.deadline = deadline;
    }

    /**
     * A client of several gateway nodes: each call goes to the next node that is up (gRPC's own
     * {@code round_robin} balancing over one TLS connection per node), so a node that stops takes
     * no more calls while the others carry on. One address behaves as the single-node constructor.
     *
     * @param addresses the nodes, e.g. from {@link GatewayAddresses#parse} of {@code "h1:8443,h2:8443"}
     */
    public GatewayClient(List<GatewayAddresses.Address> addresses, TlsFiles tls, String authority, Duration deadline) {
        this.channel = Grpc.newChannelBuilder(GatewayAddresses.target(addresses), credentials(tls))
                .overrideAuthority(authority)
                .defaultLoadBalancingPolicy("round_robin")
                .maxInboundMessageSize(16 << 20)
                .build();
        this.deadline = deadline;
    }

    private static ChannelCredentials credentials(TlsFiles tls) {
        ChannelCredentials credentials;
        try {
            credentials = TlsChannelCredentials.newBuilder()
                    .keyManager(
                            tls.certificateChain().toFile(), tls.privateKey().toFile())
                    .trustManager(tls.trust().toFile())
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read TLS files", e);
        }
        return credentials;
    }

    /** {@code Gateway/Call}; throws {@link io.grpc.StatusRuntimeException} when refused. */
    public SignedResponse call(SignedRequest request) {
        return stub().call(request);
    }

    /**
     * {@code Gateway/Call} asking for an answer form ({@code shlyuz-answer-form}); a sealed answer
     * is verified with {@link AnswerSeals#verify}.
     */
    public SignedResponse call(SignedRequest request, AnswerForm form) {
        return stub().withInterceptors(AnswerSeals.asking(form)).call(request);
    }

    /** {@code Gateway/Submit}; throws {@link io.grpc.StatusRuntimeException} when refused. */
    public kz.shlyuz.proto.v1.SubmitAck submit(SignedRequest request) {
        return stub().submit(request);
    }

    /** A stub for one call: the deadline runs from now. */
    private GatewayGrpc.GatewayBlockingStub stub() {
        return GatewayGrpc.newBlockingStub(channel).withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    public ManagedChannel channel() {
        return channel;
    }

    @Override
    public void close() {
        channel.shutdown();
        try {
            if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
                channel.shutdownNow();
            }
        } catch (InterruptedException e) {
            channel.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
