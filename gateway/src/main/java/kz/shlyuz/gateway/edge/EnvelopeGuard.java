package kz.shlyuz.gateway.edge;

import io.grpc.Attributes;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kz.shlyuz.certs.identity.SystemIdentity;
import kz.shlyuz.gateway.status.Reason;
import kz.shlyuz.gateway.status.Refusal;

/**
 * Reads each request's bytes itself, so that a request which is not the method's protobuf (three
 * bytes of garbage, a truncated message) is refused as MESSAGE_MALFORMED with ErrorInfo and a
 * journal row — grpc would otherwise fail it in its own marshaller, before any interceptor, as a
 * bare error with a stack trace. The service's own marshaller still parses: the bytes are only
 * held, never re-encoded.
 *
 * <p>The call every interceptor and service below sees is also made safe to close from another
 * thread, once: {@link CallTimeLimits} closes stalled and overlong calls from its timer while the
 * service may be closing them too.
 */
public final class EnvelopeGuard {
    private EnvelopeGuard() {}

    /** The same service, with every method's requests read as bytes and parsed here. */
    public static ServerServiceDefinition wrap(ServerServiceDefinition definition, EdgeJournal journal) {
        ServiceDescriptor original = definition.getServiceDescriptor();
        ServiceDescriptor.Builder descriptor =
                ServiceDescriptor.newBuilder(original.getName()).setSchemaDescriptor(original.getSchemaDescriptor());
        List<ServerMethodDefinition<byte[], ?>> methods = new ArrayList<>();
        for (ServerMethodDefinition<?, ?> method : definition.getMethods()) {
            ServerMethodDefinition<byte[], ?> raw = raw(method, journal);
            methods.add(raw);
            descriptor.addMethod(raw.getMethodDescriptor());
        }
        ServerServiceDefinition.Builder wrapped = ServerServiceDefinition.builder(descriptor.build());
        methods.forEach(wrapped::addMethod);
        return wrapped.build();
    }

    private static <Q, A> ServerMethodDefinition<byte[], A> raw(
            ServerMethodDefinition<Q, A> method, EdgeJournal journal) {
        MethodDescriptor<Q, A> original = method.getMethodDescriptor();
        MethodDescriptor<byte[], A> raw = original.toBuilder(Bytes.INSTANCE, original.getResponseMarshaller())
                .build();
        return ServerMethodDefinition.create(raw, new Handler<>(original, method.getServerCallHandler(), journal));
    }

    /** Request bytes as they came; the transport has already bounded their length. */
    private enum Bytes implements MethodDescriptor.Marshaller<byte[]> {
        INSTANCE;

        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw Status.INTERNAL
                        .withDescription("request could not be read")
                        .withCause(e)
                        .asRuntimeException();
            }
        }
    }

    private record Handler<Q, A>(MethodDescriptor<Q, A> method, ServerCallHandler<Q, A> next, EdgeJournal journal)
            implements ServerCallHandler<byte[], A> {
        @Override
        public ServerCall.Listener<byte[]> startCall(ServerCall<byte[], A> call, Metadata headers) {
            Instant received = journal.now();
            long start = System.nanoTime();
            GuardedCall<Q, A> guarded = new GuardedCall<>(call, method);
            ServerCall.Listener<Q> delegate;
            try {
                delegate = next.startCall(guarded, headers);
            } catch (RuntimeException e) {
                // An interceptor above the refusal interceptor failed: still INTERNAL_ERROR, never UNKNOWN.
                io.grpc.StatusRuntimeException status = kz.shlyuz.gateway.status.RefusalInterceptor.translate(e);
                guarded.close(status.getStatus(), status.getTrailers() == null ? new Metadata() : status.getTrailers());
                return new ServerCall.Listener<>() {};
            }
            return new ServerCall.Listener<>() {
                private boolean malformed;

                @Override
                public void onMessage(byte[] bytes) {
                    Q message;
                    try {
                        message = method.parseRequest(new ByteArrayInputStream(bytes));
                    } catch (RuntimeException | StackOverflowError e) {
                        malformed = true;
                        refuse(bytes, e);
                        return;
                    }
                    delegate.onMessage(message);
                }

                private void refuse(byte[] bytes, Throwable cause) {
                    String id = EdgeJournal.newId();
                    String type = method.getRequestMarshaller() instanceof MethodDescriptor.PrototypeMarshaller<?> p
                                    && p.getMessagePrototype() instanceof com.google.protobuf.Message m
                            ? m.getDescriptorForType().getFullName()
                            : "the method's request";
                    Refusal refusal = new Refusal(
                            Reason.MESSAGE_MALFORMED,
                            bytes.length + " bytes are not a " + type,
                            Map.of("journal_id", id),
                            cause);
                    journal.refused(
                            senderOf(call.getAttributes()),
                            id,
                            bytes,
                            method.getFullMethodName(),
                            refusal,
                            received,
                            start);
                    EdgeStatus.close(guarded, refusal, null);
                }

                @Override
                public void onHalfClose() {
                    if (!malformed) {
                        delegate.onHalfClose();
                    }
                }

                @Override
                public void onCancel() {
                    delegate.onCancel();
                }

                @Override
                public void onComplete() {
                    delegate.onComplete();
                }

                @Override
                public void onReady() {
                    delegate.onReady();
                }
            };
        }

        private static String senderOf(Attributes attributes) {
            return SystemIdentity.of(attributes.get(Grpc.TRANSPORT_ATTR_SSL_SESSION))
                            instanceof SystemIdentity.Identified identified
                    ? identified.systemId()
                    : null;
        }
    }

    /**
     * The call as the service sees it: its own method descriptor, and headers, messages and the
     * close serialised, the close done once (later ones are dropped, as are messages after it).
     */
    static final class GuardedCall<Q, A> extends ServerCall<Q, A> {
        private final ServerCall<byte[], A> raw;
        private final MethodDescriptor<Q, A> method;
        private boolean closed;

        GuardedCall(ServerCall<byte[], A> raw, MethodDescriptor<Q, A> method) {
            this.raw = raw;
            this.method = method;
        }

        @Override
        public synchronized void request(int numMessages) {
            if (!closed) {
                raw.request(numMessages);
            }
        }

        @Override
        public synchronized void sendHeaders(Metadata headers) {
            if (!closed) {
                raw.sendHeaders(headers);
            }
        }

        @Override
        public synchronized void sendMessage(A message) {
            if (!closed) {
                raw.sendMessage(message);
            }
        }

        @Override
        public synchronized void close(Status status, Metadata trailers) {
            if (!closed) {
                closed = true;
                raw.close(status, trailers);
            }
        }

        synchronized boolean closed() {
            return closed;
        }

        @Override
        public boolean isReady() {
            return raw.isReady();
        }

        @Override
        public boolean isCancelled() {
            return raw.isCancelled();
        }

        @Override
        public void setMessageCompression(boolean enabled) {
            raw.setMessageCompression(enabled);
        }

        @Override
        public void setCompression(String compressor) {
            raw.setCompression(compressor);
        }

        @Override
        public Attributes getAttributes() {
            return raw.getAttributes();
        }

        @Override
        public String getAuthority() {
            return raw.getAuthority();
        }

        @Override
        public io.grpc.SecurityLevel getSecurityLevel() {
            return raw.getSecurityLevel();
        }

        @Override
        public MethodDescriptor<Q, A> getMethodDescriptor() {
            return method;
        }
    }
}
