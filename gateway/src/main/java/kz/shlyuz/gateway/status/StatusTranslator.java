package kz.shlyuz.gateway.status;

import com.google.protobuf.Any;
import com.google.rpc.ErrorInfo;
import com.google.rpc.LocalizedMessage;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/** Turns a {@link Refusal} into the gRPC status the caller receives. */
public final class StatusTranslator {
    /** ErrorInfo domain of every Shlyuz refusal. */
    public static final String DOMAIN = "shlyuz.kz";

    private StatusTranslator() {}

    public static StatusRuntimeException toException(Refusal refusal) {
        return StatusProto.toStatusRuntimeException(toStatus(refusal));
    }

    /**
     * The status: code from the reason, the description "Kazakh / Russian" for clients that read
     * only the description, and details ErrorInfo (reason, domain, shep_code) and LocalizedMessage
     * in kk-KZ and ru-RU.
     */
    public static com.google.rpc.Status toStatus(Refusal refusal) {
        Reason reason = refusal.reason();
        String kk = reason.kazakh(refusal.detail());
        String ru = reason.russian(refusal.detail());
        ErrorInfo info = ErrorInfo.newBuilder()
                .setReason(reason.name())
                .setDomain(DOMAIN)
                .putMetadata("shep_code", reason.shepCode())
                .putAllMetadata(refusal.metadata())
                .build();
        return com.google.rpc.Status.newBuilder()
                .setCode(reason.code().value())
                .setMessage(kk + " / " + ru)
                .addDetails(Any.pack(info))
                .addDetails(Any.pack(LocalizedMessage.newBuilder()
                        .setLocale("kk-KZ")
                        .setMessage(kk)
                        .build()))
                .addDetails(Any.pack(LocalizedMessage.newBuilder()
                        .setLocale("ru-RU")
                        .setMessage(ru)
                        .build()))
                .build();
    }
}
