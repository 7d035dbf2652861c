package kz.shlyuz.adapters.server;

import com.google.protobuf.Any;
import com.google.rpc.ErrorInfo;
import com.google.rpc.LocalizedMessage;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import kz.shlyuz.adapters.operation.Refusal;

/**
 * Refusals as the caller sees them: a {@code google.rpc.Status} whose message is
 * "{@code <kk> / <ru>}" and whose details are an {@code ErrorInfo} (domain {@value #DOMAIN}) and
 * two {@code LocalizedMessage}s, kk-KZ and ru-RU. The only place that builds error statuses.
 */
public final class RefusalStatuses {
    /** The {@code ErrorInfo} domain of every Shlyuz error. */
    public static final String DOMAIN = "shlyuz.kz";

    private RefusalStatuses() {}

    public static com.google.rpc.Status status(Refusal refusal) {
        return com.google.rpc.Status.newBuilder()
                .setCode(refusal.code().value())
                .setMessage(refusal.messageKk() + " / " + refusal.messageRu())
                .addDetails(Any.pack(ErrorInfo.newBuilder()
                        .setReason(refusal.reason())
                        .setDomain(DOMAIN)
                        .putAllMetadata(refusal.metadata())
                        .build()))
                .addDetails(Any.pack(LocalizedMessage.newBuilder()
                        .setLocale("kk-KZ")
                        .setMessage(refusal.messageKk())
                        .build()))
                .addDetails(Any.pack(LocalizedMessage.newBuilder()
                        .setLocale("ru-RU")
                        .setMessage(refusal.messageRu())
                        .build()))
                .build();
    }

    public static StatusRuntimeException exception(Refusal refusal) {
        return StatusProto.toStatusRuntimeException(status(refusal));
    }

    /** Ends {@code call} with the refusal, status details in the trailers. */
    static void close(ServerCall<?, ?> call, Refusal refusal) {
        StatusRuntimeException e = exception(refusal);
        Metadata trailers = e.getTrailers() != null ? e.getTrailers() : new Metadata();
        call.close(e.getStatus(), trailers);
    }
}
