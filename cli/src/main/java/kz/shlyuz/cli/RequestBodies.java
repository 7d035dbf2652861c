package kz.shlyuz.cli;

import com.google.protobuf.Descriptors;
import com.google.protobuf.Internal;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Struct;
import com.google.protobuf.util.JsonFormat;
import java.util.stream.Collectors;
import kz.shlyuz.gateway.services.ServiceDefinition;
import kz.shlyuz.gateway.services.Services;

/** Reads a service's request body from protobuf JSON, as {@code call} and {@code submit} take it. */
final class RequestBodies {
    private RequestBodies() {}

    /**
     * The body typed as the service expects; an unknown service still gets a well-formed body
     * (a Struct), so the gateway can say the service is unknown.
     */
    static Message parse(String service, String json) {
        Message.Builder builder = Services.standard()
                .find(service)
                .map(ServiceDefinition::bodyType)
                .<Message.Builder>map(type -> Internal.getDefaultInstance(type).newBuilderForType())
                .orElseGet(Struct::newBuilder);
        return parse(builder, json);
    }

    /**
     * The body read into {@code builder}'s type.
     *
     * @throws UsageError when the JSON is not a body of that type, naming the fields it has
     */
    static Message parse(Message.Builder builder, String json) {
        try {
            JsonFormat.parser().merge(json, builder);
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            Descriptors.Descriptor type = builder.getDescriptorForType();
            String fields = type.getFields().stream()
                    .map(Descriptors.FieldDescriptor::getJsonName)
                    .collect(Collectors.joining(", "));
            throw new UsageError(
                    "--body: " + Errors.oneLine(e.getMessage()) + " (expected: protobuf JSON of " + type.getFullName()
                            + (fields.isEmpty() ? "" : " with fields " + fields) + ")",
                    e);
        }
        return builder.build();
    }
}
