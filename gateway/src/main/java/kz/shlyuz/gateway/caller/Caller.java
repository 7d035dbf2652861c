package kz.shlyuz.gateway.caller;

import io.grpc.Context;

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
}
