package kz.shlyuz.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.rpc.ErrorInfo;
import com.google.rpc.LocalizedMessage;
import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.grpc.protobuf.StatusProto;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import kz.shlyuz.certs.identity.CheckDigit;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.certs.pki.DevPki;
import kz.shlyuz.proto.v1.AgencyAdapterGrpc;
import kz.shlyuz.proto.v1.AgencyRequest;
import kz.shlyuz.proto.v1.ResponseContent;
import kz.shlyuz.proto.v1.SignedResponse;
import org.junit.jupiter.api.function.Executable;

/** Calling adapters the way the gateway does, and reading what they answer. */
final class TestCalls {

    private TestCalls() {}

    /** A valid IIN (check digit holds) that belongs to no persona, so no register holds it. */
    static String unknownIin() {
        for (int serial = 9000; ; serial++) {
            String first11 = "0101015" + serial;
            if (CheckDigit.compute(first11) >= 0) {
                String iin = CheckDigit.complete(first11);
                if (Arrays.stream(Persona.values())
                        .noneMatch(p -> p.iin().value().equals(iin))) {
                    return iin;
                }
            }
        }
    }

    /** {@code iin} with its check digit changed, so it no longer holds. */
    static String withWrongCheckDigit(String iin) {
        return iin.substring(0, 11) + (char) ('0' + (iin.charAt(11) - '0' + 1) % 10);
    }

    /** A mutual-TLS channel to {@code server} presenting the TLS certificate of {@code system}. */
    static ManagedChannel channel(DevPki pki, String system, AdapterServer server) {
        try {
            ChannelCredentials credentials = TlsChannelCredentials.newBuilder()
                    .keyManager(
                            pki.tlsCertChainPem(system).toFile(),
                            pki.tlsKeyPem(system).toFile())
                    .trustManager(pki.tlsTrustPem().toFile())
                    .build();
            return Grpc.newChannelBuilderForAddress("127.0.0.1", server.port(), credentials)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A stub whose every call gets its own 10 s deadline. (A stub's {@code withDeadlineAfter} is one
     * absolute instant: a stub kept for a whole test class ran out of it on a loaded machine.)
     */
    static AgencyAdapterGrpc.AgencyAdapterBlockingStub stub(ManagedChannel channel) {
        return AgencyAdapterGrpc.newBlockingStub(channel).withInterceptors(new io.grpc.ClientInterceptor() {
            @Override
            public <Q, A> io.grpc.ClientCall<Q, A> interceptCall(
                    io.grpc.MethodDescriptor<Q, A> method, io.grpc.CallOptions options, io.grpc.Channel next) {
                return next.newCall(method, options.withDeadlineAfter(10, TimeUnit.SECONDS));
            }
        });
    }

    /** A request with a fresh id, as the gateway routes it for {@code serviceId}. */
    static AgencyRequest request(String serviceId, String operation, Message body) {
        return AgencyRequest.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setServiceId(serviceId)
                .setOperation(operation)
                .setBody(Any.pack(body))
                .setOriginSystem("egov-portal")
                .build();
    }

    static ResponseContent content(SignedResponse response) {
        try {
            return ResponseContent.parseFrom(response.getContent());
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError("content is not a ResponseContent", e);
        }
    }

    static <T extends Message> T body(SignedResponse response, Class<T> type) {
        try {
            return content(response).getBody().unpack(type);
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError("body is not a " + type.getSimpleName(), e);
        }
    }

    /**
     * Asserts that {@code call} is refused with {@code code} and {@code reason}, in the shape
     * every Shlyuz error has, and returns the refusal for further checks.
     */
    static Refused assertRefused(Status.Code code, String reason, Executable call) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call);
        assertEquals(code, e.getStatus().getCode(), () -> "status of " + e);
        com.google.rpc.Status status = StatusProto.fromThrowable(e);
        if (status == null) {
            throw new AssertionError("no google.rpc.Status details in " + e);
        }
        ErrorInfo info = null;
        List<LocalizedMessage> messages = new ArrayList<>();
        try {
            for (Any detail : status.getDetailsList()) {
                if (detail.is(ErrorInfo.class)) {
                    info = detail.unpack(ErrorInfo.class);
                } else if (detail.is(LocalizedMessage.class)) {
                    messages.add(detail.unpack(LocalizedMessage.class));
                }
            }
        } catch (InvalidProtocolBufferException ex) {
            throw new AssertionError(ex);
        }
        if (info == null) {
            throw new AssertionError("no ErrorInfo in " + status);
        }
        assertEquals(reason, info.getReason(), status::getMessage);
        assertEquals("shlyuz.kz", info.getDomain());
        assertEquals(
                List.of("kk-KZ", "ru-RU"),
                messages.stream().map(LocalizedMessage::getLocale).toList());
        assertEquals(messages.get(0).getMessage() + " / " + messages.get(1).getMessage(), status.getMessage());
        return new Refused(info, messages.get(0).getMessage(), messages.get(1).getMessage());
    }

    /** What a refusal said. */
    record Refused(ErrorInfo info, String kk, String ru) {}
}
