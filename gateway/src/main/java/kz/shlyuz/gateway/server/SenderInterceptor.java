package kz.shlyuz.gateway.server;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusRuntimeException;
import javax.net.ssl.SSLSession;
import kz.shlyuz.certs.identity.SystemIdentity;
import kz.shlyuz.gateway.caller.Caller;
import kz.shlyuz.gateway.edge.EdgeJournal;
import kz.shlyuz.gateway.status.Reason;
import kz.shlyuz.gateway.status.Refusal;
import kz.shlyuz.gateway.status.StatusTranslator;

/**
 * Identifies the sending system by its verified TLS client certificate, by the one rule the
 * adapters share ({@link SystemIdentity}: exactly one CN), and passes it on in the gRPC
 * {@link Context}. A certificate that names no system, or two, is refused with
 * SENDER_CERT_INVALID and journaled; such a call never reaches a service.
 */
public final class SenderInterceptor implements ServerInterceptor {
    /**
     * The sending system's id, e.g. {@code egov-portal}: the same key as {@link Caller#SENDER}
     * (kept here for existing callers; services read {@link Caller}, which depends on nothing).
     */
    public static final Context.Key<String> SENDER = Caller.SENDER;

    private final EdgeJournal journal;

    /** @param journal where refusals are journaled, or null (tests of the rule alone) */
    public SenderInterceptor(EdgeJournal journal) {
        this.journal = journal;
    }

    public SenderInterceptor() {
        this(null);
    }

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(
            ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
        SystemIdentity identity = SystemIdentity.of(call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION));
        if (identity instanceof SystemIdentity.Identified identified) {
            return Contexts.interceptCall(
                    Context.current().withValue(SENDER, identified.systemId()), call, headers, next);
        }
        java.time.Instant received = journal == null ? null : journal.now();
        long start = System.nanoTime();
        String id = EdgeJournal.newId();
        Refusal refusal = new Refusal(
                Reason.SENDER_CERT_INVALID,
                ((SystemIdentity.Refused) identity).why(),
                java.util.Map.of("journal_id", id),
                null);
        if (journal != null) {
            journal.refused(null, id, null, call.getMethodDescriptor().getFullMethodName(), refusal, received, start);
        }
        StatusRuntimeException e = StatusTranslator.toException(refusal);
        call.close(e.getStatus(), e.getTrailers() == null ? new Metadata() : e.getTrailers());
        return new ServerCall.Listener<>() {};
    }

    /** The system id of a TLS peer by the shared rule, or null when its certificate names none. */
    public static String senderOf(SSLSession session) {
        return kz.shlyuz.gateway.caller.Caller.systemOf(session);
    }

    /** The system id a certificate names by the shared rule (exactly one CN), or null. */
    public static String commonName(java.security.cert.X509Certificate certificate) {
        return kz.shlyuz.gateway.caller.Caller.systemOf(certificate);
    }
}
