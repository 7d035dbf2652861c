package kz.shlyuz.gateway.e2e;

import static kz.shlyuz.gateway.e2e.Assertions.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.netty.bootstrap.Bootstrap;
import io.grpc.netty.shaded.io.netty.buffer.ByteBuf;
import io.grpc.netty.shaded.io.netty.channel.Channel;
import io.grpc.netty.shaded.io.netty.channel.ChannelHandlerContext;
import io.grpc.netty.shaded.io.netty.channel.ChannelInitializer;
import io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioSocketChannel;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2ConnectionHandler;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2ConnectionHandlerBuilder;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2Error;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2FrameAdapter;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2Headers;
import io.grpc.netty.shaded.io.netty.handler.ssl.ApplicationProtocolConfig;
import io.grpc.netty.shaded.io.netty.handler.ssl.ApplicationProtocolNames;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslHandler;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import kz.shlyuz.certs.identity.HolderRole;
import kz.shlyuz.certs.identity.Organisation;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.certs.testing.Await;
import kz.shlyuz.client.GatewayClient;
import kz.shlyuz.client.Refusals;
import kz.shlyuz.client.RequestBuilder;
import kz.shlyuz.gateway.config.AdapterEndpoint;
import kz.shlyuz.gateway.config.SignerRules;
import kz.shlyuz.gateway.server.DevMaterial;
import kz.shlyuz.proto.v1.AddressCertificateRequest;
import kz.shlyuz.proto.v1.GatewayGrpc;
import kz.shlyuz.proto.v1.SignedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * HTTP/2 and connection limits through real TLS (issue 9 point 3): rapid reset gets GOAWAY, a
 * stream that never sends its request is closed, an overlong call is cut, an oversize message is
 * refused from its declared length, and connections beyond the caps are closed — each followed by
 * a valid call that is served.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransportLimitsTest {
    private static final String PORTAL = "egov-portal";
    private static final int MAX_CONNECTIONS = 8;
    private static final int MAX_PER_SYSTEM = 2;
    private GatewayEnvironment env;
    /** An agency that accepts connections and never answers: gbd-ul, for legal-entity address certificates. */
    private ServerSocket silentAgency;

    private final List<Socket> silentConnections = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        silentAgency = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(
                () -> {
                    try {
                        while (true) {
                            silentConnections.add(silentAgency.accept());
                        }
                    } catch (IOException closed) {
                        // the test is over
                    }
                },
                "silent-agency");
        acceptor.setDaemon(true);
        acceptor.start();
        env = new GatewayEnvironment(Set.of("gbd-fl"), c -> {
            Map<String, AdapterEndpoint> adapters = new HashMap<>(c.adapters());
            adapters.put(
                    "gbd-ul",
                    new AdapterEndpoint(
                            "127.0.0.1",
                            silentAgency.getLocalPort(),
                            c.adapters().get("gbd-ul").signerBins()));
            SignerRules rules = c.signerRules();
            // Employees may sign their own organisation's address certificate: the call that will hang.
            SignerRules.Roles address = new SignerRules.Roles(
                    rules.roles().individualApplicant(),
                    EnumSet.of(HolderRole.LEGAL_FIRST_HEAD, HolderRole.LEGAL_SIGNING_RIGHT, HolderRole.LEGAL_EMPLOYEE),
                    rules.roles().operator());
            return c.withAdapters(adapters)
                    .withSignerRules(rules.withServiceRoles(Map.of("ADDRESS_CERTIFICATE", address)))
                    .withEdge(c.edge()
                            .withTransport(c.edge()
                                    .transport()
                                    .withCallTimes(Duration.ofSeconds(1), Duration.ofSeconds(4))
                                    .withConnectionCaps(MAX_CONNECTIONS, MAX_PER_SYSTEM)));
        });
    }

    @AfterAll
    void stop() throws IOException {
        if (env != null) {
            env.close();
        }
        silentAgency.close();
        for (Socket s : silentConnections) {
            s.close();
        }
    }

    private SignedRequest valid() {
        return env.requests.sign(
                RequestBuilder.content(
                        PORTAL,
                        "ADDRESS_CERTIFICATE",
                        AddressCertificateRequest.newBuilder()
                                .setIin(Persona.CLEAN.iin().value())
                                .build(),
                        env.clock.instant()),
                List.of(env.pki.signerKey(Persona.CLEAN.key())));
    }

    private void validCallSucceeds() {
        GatewayClient client = env.client(PORTAL);
        try {
            assertFalse(client.call(valid()).getContent().isEmpty());
        } finally {
            client.close(); // each connection counts towards the caps
        }
    }

    private static void await(String what, Duration within, BooleanSupplier condition) {
        Await.until(condition, within, what);
    }

    @Test
    void refusesAMessageOverTheTransportLimitFromItsDeclaredLengthAtOnce() {
        SignedRequest huge = valid().toBuilder()
                .setSignature(com.google.protobuf.ByteString.copyFrom(new byte[2 << 20]))
                .build();
        GatewayClient client = env.client(PORTAL);
        long start = System.nanoTime();
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> client.call(huge));
        assertEquals(Status.Code.RESOURCE_EXHAUSTED, e.getStatus().getCode(), e.toString());
        assertTrue(
                Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(5)) < 0,
                "refused without waiting for the body");
        client.close();
        validCallSucceeds();
    }

    @Test
    void closesAStreamThatNeverSendsItsRequest() throws Exception {
        GatewayClient client = env.client(PORTAL);
        // Sent as a stream, so the client flushes the headers at once (a unary call holds them for its message).
        ClientCall<SignedRequest, kz.shlyuz.proto.v1.SignedResponse> call = client.channel()
                .newCall(
                        GatewayGrpc.getCallMethod().toBuilder()
                                .setType(io.grpc.MethodDescriptor.MethodType.BIDI_STREAMING)
                                .build(),
                        CallOptions.DEFAULT.withDeadlineAfter(30, TimeUnit.SECONDS));
        CompletableFuture<io.grpc.StatusRuntimeException> closed = new CompletableFuture<>();
        call.start(
                new ClientCall.Listener<kz.shlyuz.proto.v1.SignedResponse>() {
                    @Override
                    public void onClose(Status status, Metadata trailers) {
                        closed.complete(status.asRuntimeException(trailers));
                    }
                },
                new Metadata());
        call.request(1); // headers go out; the message never does
        StatusRuntimeException e = closed.get(20, TimeUnit.SECONDS);
        Refusals.Refused refused = assertRefused(Status.Code.DEADLINE_EXCEEDED, "REQUEST_INCOMPLETE", () -> {
            throw e;
        });
        assertTrue(refused.russian().contains("за 1 с"), refused.russian());
        client.close();
        validCallSucceeds();
    }

    @Test
    void cutsAUnaryCallThatRunsPastTheMaximumDuration() {
        String bin = Organisation.STATE_CORPORATION.bin().value();
        SignedRequest slow = env.requests.sign(
                RequestBuilder.content(
                        PORTAL,
                        "ADDRESS_CERTIFICATE",
                        AddressCertificateRequest.newBuilder().setBin(bin).build(),
                        env.clock.instant()),
                List.of(env.pki.signerKey("hkko-operator-gost2015")));
        GatewayClient client = env.client(PORTAL);
        assertRefused(Status.Code.DEADLINE_EXCEEDED, "CALL_TOO_LONG", () -> client.call(slow));
        client.close();
        validCallSucceeds();
    }

    @Test
    void closesTheConnectionOverTheCapPerClientCertificate() {
        await(
                "earlier connections closed",
                Duration.ofSeconds(10),
                () -> env.gateway.connections().open("hkko") == 0);
        List<GatewayClient> allowed = new ArrayList<>();
        for (int i = 0; i < MAX_PER_SYSTEM; i++) {
            GatewayClient client = env.client("hkko");
            // Refused by admission, but only after the connection was accepted and counted.
            assertRefused(Status.Code.UNAUTHENTICATED, "SENDER_MISMATCH", () -> client.call(valid()));
            allowed.add(client);
        }
        assertEquals(MAX_PER_SYSTEM, env.gateway.connections().open("hkko"));
        GatewayClient over = env.client("hkko");
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> over.call(valid()));
        // Closed at once; a call that raced the close in the same packets is refused with a reason.
        if (e.getStatus().getCode() != Status.Code.UNAVAILABLE) {
            assertRefused(Status.Code.RESOURCE_EXHAUSTED, "CONNECTION_LIMITED", () -> {
                throw e;
            });
        }
        assertEquals(MAX_PER_SYSTEM, env.gateway.connections().open("hkko"));
        over.close();
        validCallSucceeds(); // another system is not affected

        allowed.get(0).close();
        await(
                "a connection of hkko closed",
                Duration.ofSeconds(10),
                () -> env.gateway.connections().open("hkko") < MAX_PER_SYSTEM);
        GatewayClient again = env.client("hkko");
        assertRefused(Status.Code.UNAUTHENTICATED, "SENDER_MISMATCH", () -> again.call(valid()));
        again.close();
        allowed.forEach(GatewayClient::close);
    }

    @Test
    void closesConnectionsOverTheTotalCapAtOnce() throws Exception {
        List<Socket> idle = new ArrayList<>();
        try {
            // Idle sockets that never start TLS: what exhausted file descriptors before.
            while (env.gateway.connections().open() < MAX_CONNECTIONS) {
                idle.add(new Socket(InetAddress.getLoopbackAddress(), env.gateway.port()));
                int opened = idle.size();
                await(
                        "socket counted",
                        Duration.ofSeconds(10),
                        () -> env.gateway.connections().open() >= Math.min(MAX_CONNECTIONS, opened));
            }
            Socket over = new Socket(InetAddress.getLoopbackAddress(), env.gateway.port());
            idle.add(over);
            over.setSoTimeout(10_000);
            assertEquals(-1, over.getInputStream().read(), "the connection over the cap is closed by the gateway");
            assertEquals(MAX_CONNECTIONS, env.gateway.connections().open());
        } finally {
            for (Socket s : idle) {
                s.close();
            }
        }
        await(
                "idle sockets closed",
                Duration.ofSeconds(10),
                () -> env.gateway.connections().open() == 0);
        validCallSucceeds();
    }

    @Test
    void answersARapidResetFloodWithGoAway() throws Exception {
        SslContext ssl = SslContextBuilder.forClient()
                .keyManager(
                        env.pki.tlsCertChainPem(PORTAL).toFile(),
                        env.pki.tlsKeyPem(PORTAL).toFile())
                .trustManager(env.pki.tlsTrustPem().toFile())
                .applicationProtocolConfig(new ApplicationProtocolConfig(
                        ApplicationProtocolConfig.Protocol.ALPN,
                        ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                        ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                        ApplicationProtocolNames.HTTP_2))
                .build();
        CompletableFuture<Long> goAway = new CompletableFuture<>();
        Http2ConnectionHandler http2 = new Http2ConnectionHandlerBuilder()
                .server(false)
                .frameListener(new Http2FrameAdapter() {
                    @Override
                    public void onGoAwayRead(
                            ChannelHandlerContext ctx, int lastStreamId, long errorCode, ByteBuf debugData) {
                        goAway.complete(errorCode);
                    }

                    @Override
                    public int onDataRead(
                            ChannelHandlerContext ctx, int streamId, ByteBuf data, int padding, boolean endOfStream) {
                        return data.readableBytes() + padding;
                    }
                })
                .build();
        NioEventLoopGroup group = new NioEventLoopGroup(1);
        try {
            Channel channel = new Bootstrap()
                    .group(group)
                    .channel(NioSocketChannel.class)
                    .handler(new ChannelInitializer<NioSocketChannel>() {
                        @Override
                        protected void initChannel(NioSocketChannel ch) {
                            ch.pipeline().addLast(ssl.newHandler(ch.alloc(), "127.0.0.1", env.gateway.port()), http2);
                        }
                    })
                    .connect("127.0.0.1", env.gateway.port())
                    .sync()
                    .channel();
            assertTrue(
                    channel.pipeline().get(SslHandler.class).handshakeFuture().await(10, TimeUnit.SECONDS),
                    "TLS handshake");
            Http2Headers headers = new DefaultHttp2Headers()
                    .method("POST")
                    .scheme("https")
                    .path("/shlyuz.v1.Gateway/Call")
                    .authority(DevMaterial.GATEWAY_SYSTEM)
                    .set("content-type", "application/grpc")
                    .set("te", "trailers");
            ChannelHandlerContext ctx = channel.pipeline().context(http2);
            java.util.concurrent.atomic.AtomicReference<Throwable> writeFailure =
                    new java.util.concurrent.atomic.AtomicReference<>();
            // The gateway closes right after its GOAWAY; when our frames are still unread there, TCP may
            // reset the connection and the GOAWAY never reaches us. The close is the outcome that matters.
            var unusedClosed = channel.closeFuture().addListener(f -> goAway.complete(-1L));
            int pairs = env.config.edge().transport().maxRstFramesPerWindow() + 1;
            var unusedWritten = channel.eventLoop()
                    .submit(() -> {
                        // One more than the allowance, HEADERS then RST_STREAM on each stream: CVE-2023-44487.
                        for (int i = 0; i < pairs && channel.isActive(); i++) {
                            int stream = 2 * i + 3;
                            var unusedHeaders = http2.encoder()
                                    .writeHeaders(
                                            ctx,
                                            stream,
                                            headers,
                                            0,
                                            false,
                                            ctx.newPromise()
                                                    .addListener(f -> writeFailure.compareAndSet(null, f.cause())));
                            var unusedReset = http2.encoder()
                                    .writeRstStream(
                                            ctx,
                                            stream,
                                            Http2Error.CANCEL.code(),
                                            ctx.newPromise()
                                                    .addListener(f -> writeFailure.compareAndSet(null, f.cause())));
                            if (i % 50 == 0) {
                                ctx.flush();
                            }
                        }
                        ctx.flush();
                    })
                    .sync();
            long code = goAway.get(30, TimeUnit.SECONDS);
            assertTrue(
                    code == -1L || code == Http2Error.ENHANCE_YOUR_CALM.code(),
                    () -> "GOAWAY with ENHANCE_YOUR_CALM, got " + code + "; first write failure: "
                            + writeFailure.get());
            assertTrue(channel.closeFuture().await(10, TimeUnit.SECONDS), "the gateway closes the connection");
        } finally {
            var unusedStopped = group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
        validCallSucceeds();
    }
}
