package kz.shlyuz.gateway.routing;

import com.google.rpc.ErrorInfo;
import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.grpc.protobuf.StatusProto;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import kz.shlyuz.certs.tls.TlsFiles;
import kz.shlyuz.gateway.config.AdapterEndpoint;
import kz.shlyuz.gateway.status.Reason;
import kz.shlyuz.gateway.status.Refusal;
import kz.shlyuz.proto.v1.AgencyAdapterGrpc;
import kz.shlyuz.proto.v1.AgencyRequest;
import kz.shlyuz.proto.v1.SignedResponse;

/**
 * The gateway's clients of the agency adapters. A call runs on the caller's gRPC context, so the
 * caller's deadline and cancellation reach the adapter; the configured agency deadline caps it.
 * Failed attempts with UNAVAILABLE are retried by grpc's retry policy, which is safe because
 * adapters treat a repeated request id as the same request.
 */
public final class AgencyClients implements AutoCloseable {
    private static final int MAX_RESPONSE_BYTES = 4 << 20;

    private final Map<String, AdapterEndpoint> endpoints;
    private final ChannelCredentials credentials;
    private final Duration deadline;
    private final Map<String, ManagedChannel> channels = new ConcurrentHashMap<>();
    private final List<io.grpc.ClientInterceptor> interceptors;

    public AgencyClients(Map<String, AdapterEndpoint> endpoints, TlsFiles gatewayTls, Duration deadline) {
        this(endpoints, gatewayTls, deadline, new io.grpc.ClientInterceptor[0]);
    }

    /** @param interceptors on every adapter channel (metrics, trace propagation) */
    public AgencyClients(
            Map<String, AdapterEndpoint> endpoints,
            TlsFiles gatewayTls,
            Duration deadline,
            io.grpc.ClientInterceptor... interceptors) {
        this.interceptors = List.of(interceptors);
        this.endpoints = Map.copyOf(endpoints);
        this.deadline = deadline;
        try {
            this.credentials = TlsChannelCredentials.newBuilder()
                    .keyManager(
                            gatewayTls.certificateChain().toFile(),
                            gatewayTls.privateKey().toFile())
                    .trustManager(gatewayTls.trust().toFile())
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the gateway's TLS files", e);
        }
    }

    /** The adapter's endpoint as configured; refuses an adapter the configuration does not name. */
    public AdapterEndpoint endpoint(String adapter) {
        AdapterEndpoint endpoint = endpoints.get(adapter);
        if (endpoint == null) {
            throw new Refusal(Reason.AGENCY_UNAVAILABLE, adapter + ": not configured", Map.of("agency", adapter), null);
        }
        return endpoint;
    }

    /** Asks the adapter; refuses with a reason naming the agency when it cannot answer. */
    public SignedResponse call(String adapter, AgencyRequest request) {
        AdapterEndpoint endpoint = endpoint(adapter);
        ManagedChannel channel = channels.computeIfAbsent(adapter, a -> open(a, endpoint));
        try {
            return AgencyAdapterGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                    .handle(request);
        } catch (StatusRuntimeException e) {
            throw translate(adapter, e);
        }
    }

    private ManagedChannel open(String adapter, AdapterEndpoint endpoint) {
        Map<String, Object> retryPolicy = Map.of(
                "maxAttempts",
                3.0,
                "initialBackoff",
                "0.1s",
                "maxBackoff",
                "1s",
                "backoffMultiplier",
                2.0,
                "retryableStatusCodes",
                List.of("UNAVAILABLE"));
        Map<String, Object> methodConfig =
                Map.of("name", List.of(Map.of("service", "shlyuz.v1.AgencyAdapter")), "retryPolicy", retryPolicy);
        return Grpc.newChannelBuilderForAddress(endpoint.host(), endpoint.port(), credentials)
                // The adapter must present a certificate for its own name, whatever address it is at.
                .overrideAuthority(adapter)
                .maxInboundMessageSize(MAX_RESPONSE_BYTES)
                .defaultServiceConfig(Map.of("methodConfig", List.of(methodConfig)))
                .enableRetry()
                .keepAliveTime(60, TimeUnit.SECONDS)
                .intercept(interceptors)
                .build();
    }

    private static Refusal translate(String adapter, StatusRuntimeException e) {
        Map<String, String> meta = Map.of("agency", adapter);
        Status.Code code = e.getStatus().getCode();
        String agencyReason = agencyReason(e);
        return switch (code) {
            case UNAVAILABLE -> new Refusal(Reason.AGENCY_UNAVAILABLE, adapter, meta, e);
            case DEADLINE_EXCEEDED -> new Refusal(Reason.AGENCY_TIMEOUT, adapter, meta, e);
            case NOT_FOUND -> new Refusal(Reason.SUBJECT_NOT_FOUND, adapter, meta, e);
            case CANCELLED -> throw e;
            case INVALID_ARGUMENT ->
                switch (agencyReason) {
                    case "IIN_INVALID" -> new Refusal(Reason.IIN_INVALID, "(" + adapter + ")", meta, e);
                    case "BIN_INVALID" -> new Refusal(Reason.BIN_INVALID, "(" + adapter + ")", meta, e);
                    default -> new Refusal(Reason.AGENCY_REFUSED, adapter + " " + agencyReason, meta, e);
                };
            default ->
                new Refusal(
                        Reason.AGENCY_REFUSED, adapter + " " + (agencyReason.isEmpty() ? code : agencyReason), meta, e);
        };
    }

    private static String agencyReason(StatusRuntimeException e) {
        com.google.rpc.Status status = StatusProto.fromThrowable(e);
        if (status == null) {
            return "";
        }
        return status.getDetailsList().stream()
                .filter(d -> d.is(ErrorInfo.class))
                .map(d -> {
                    try {
                        return d.unpack(ErrorInfo.class).getReason();
                    } catch (com.google.protobuf.InvalidProtocolBufferException ex) {
                        return "";
                    }
                })
                .findFirst()
                .orElse("");
    }

    @Override
    public void close() {
        channels.values().forEach(ManagedChannel::shutdown);
        for (ManagedChannel channel : channels.values()) {
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
}
