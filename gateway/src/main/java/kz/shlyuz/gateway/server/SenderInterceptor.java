package kz.shlyuz.gateway.server;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * Identifies the sending system by the CN of its verified TLS client certificate and passes it on
 * in the gRPC {@link Context}. A call without a client certificate never reaches a service.
 */
public final class SenderInterceptor implements ServerInterceptor {
    /** The sending system's id, e.g. {@code egov-portal}. */
    public static final Context.Key<String> SENDER = Context.key("shlyuz.sender");

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
            ServerCallHandler<Q, A> next) {
        String sender = senderOf(call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION));
        if (sender == null) {
            call.close(Status.UNAUTHENTICATED.withDescription(
                    "Клиенттік TLS сертификаты жоқ / Нет клиентского TLS-сертификата"), new Metadata());
            return new ServerCall.Listener<>() {};
        }
        return Contexts.interceptCall(Context.current().withValue(SENDER, sender), call, headers, next);
    }

    /** The CN of the session's verified client certificate, or null. */
    public static String senderOf(SSLSession session) {
        if (session == null) {
            return null;
        }
        try {
            Certificate[] peer = session.getPeerCertificates();
            if (peer.length == 0 || !(peer[0] instanceof X509Certificate leaf)) {
                return null;
            }
            return commonName(leaf);
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
    }

    /** The certificate subject's CN, or null. */
    public static String commonName(X509Certificate certificate) {
        try {
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if ("CN".equalsIgnoreCase(rdn.getType())) {
                    return rdn.getValue().toString();
                }
            }
            return null;
        } catch (InvalidNameException e) {
            return null;
        }
    }
}
