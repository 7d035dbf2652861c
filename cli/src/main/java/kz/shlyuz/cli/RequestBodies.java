package kz.shlyuz.cli;

import com.google.protobuf.Internal;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Struct;
import com.google.protobuf.util.JsonFormat;
import kz.shlyuz.gateway.admission.ServiceCatalog;
import kz.shlyuz.gateway.admission.ServiceDefinition;

/** Reads a service's request body from protobuf JSON, as {@code call} and {@code submit} take it. */
final class RequestBodies {
    private RequestBodies() {}

    /**
     * The body typed as the service expects; an unknown service still gets a well-formed body
     * (a Struct), so the gateway can say the service is unknown.
     */
    static Message parse(String service, String json) throws InvalidProtocolBufferException {
        Message.Builder builder = ServiceCatalog.standard().find(service)
                .map(ServiceDefinition::bodyType)
                .<Message.Builder>map(type -> Internal.getDefaultInstance(type).newBuilderForType())
                .orElseGet(Struct::newBuilder);
        return parse(builder, json);
    }

    /** The body read into {@code builder}'s type. */
    static Message parse(Message.Builder builder, String json) throws InvalidProtocolBufferException {
        JsonFormat.parser().merge(json, builder);
        return builder.build();
    }
}
