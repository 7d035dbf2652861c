package kz.shlyuz.gateway.caller;

import io.grpc.Context;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLSession;
import kz.shlyuz.certs.identity.SystemIdentity;

/**
 * The calling system's identity in the gRPC {@link Context}. Set once per call by the server's
 * sender interceptor after the TLS client certificate was verified; read by the services.
 */
public final class Caller {
    /** The sending system's id, e.g. {@code egov-portal}; absent outside a verified call. */
    public static final Context.Key<String> SENDER = Context.key("shlyuz.sender");

    private Caller() {}

    /** The sending system of the current call, or null when no verified sender is in the context. */
    public static String sender() {
        return SENDER.get();
    }

    /** The system id of a TLS peer by the shared rule (exactly one CN), or null when its certificate names none. */
    public static String systemOf(SSLSession session) {
        return SystemIdentity.of(session) instanceof SystemIdentity.Identified identified
                ? identified.systemId()
                : null;
    }

    /** The system id a certificate names by the shared rule (exactly one CN), or null. */
    public static String systemOf(X509Certificate certificate) {
        return SystemIdentity.of(certificate) instanceof SystemIdentity.Identified identified
                ? identified.systemId()
                : null;
    }
}
