package kz.shlyuz.gateway.edge;

import com.google.protobuf.Any;
import com.google.rpc.RetryInfo;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import kz.shlyuz.gateway.status.Refusal;
import kz.shlyuz.gateway.status.StatusTranslator;

/** How the edge closes a call it refuses: the standard refusal status, plus RetryInfo when retrying later helps. */
final class EdgeStatus {
    private EdgeStatus() {}

    /** The refusal with {@code journal_id} in its ErrorInfo metadata. */
    static Refusal withJournalId(Refusal refusal, String journalId) {
        Map<String, String> metadata = new HashMap<>(refusal.metadata());
        metadata.put("journal_id", journalId);
        return new Refusal(refusal.reason(), refusal.detail(), metadata, refusal.getCause());
    }

    /** @param retryDelay the google.rpc.RetryInfo delay, or null for none */
    static StatusRuntimeException toException(Refusal refusal, Duration retryDelay) {
        com.google.rpc.Status status = StatusTranslator.toStatus(refusal);
        if (retryDelay != null) {
            status = status.toBuilder()
                    .addDetails(Any.pack(RetryInfo.newBuilder()
                            .setRetryDelay(com.google.protobuf.Duration.newBuilder()
                                    .setSeconds(retryDelay.getSeconds())
                                    .setNanos(retryDelay.getNano()))
                            .build()))
                    .build();
        }
        return StatusProto.toStatusRuntimeException(status);
    }

    static void close(ServerCall<?, ?> call, Refusal refusal, Duration retryDelay) {
        StatusRuntimeException e = toException(refusal, retryDelay);
        call.close(e.getStatus(), e.getTrailers() == null ? new Metadata() : e.getTrailers());
    }
}
