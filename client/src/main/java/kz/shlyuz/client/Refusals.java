package kz.shlyuz.client;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.ErrorInfo;
import com.google.rpc.LocalizedMessage;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/** Reads a gateway refusal back out of a {@link StatusRuntimeException}. */
public final class Refusals {
    private Refusals() {}

    /**
     * The refusal's parts: code, ErrorInfo reason and ШЭП code, messages in Kazakh and Russian.
     * Fields the status lacks are empty.
     */
    public record Refused(
            String code, String reason, String shepCode, String kazakh, String russian, String description) {}

    public static Refused read(StatusRuntimeException e) {
        String reason = "";
        String shep = "";
        String kk = "";
        String ru = "";
        com.google.rpc.Status status = StatusProto.fromThrowable(e);
        if (status != null) {
            for (Any detail : status.getDetailsList()) {
                try {
                    if (detail.is(ErrorInfo.class)) {
                        ErrorInfo info = detail.unpack(ErrorInfo.class);
                        reason = info.getReason();
                        shep = info.getMetadataOrDefault("shep_code", "");
                    } else if (detail.is(LocalizedMessage.class)) {
                        LocalizedMessage m = detail.unpack(LocalizedMessage.class);
                        if (m.getLocale().startsWith("kk")) {
                            kk = m.getMessage();
                        } else if (m.getLocale().startsWith("ru")) {
                            ru = m.getMessage();
                        }
                    }
                } catch (InvalidProtocolBufferException ignored) {
                    // A detail we cannot read is left out; the description still carries the text.
                }
            }
        }
        String description =
                e.getStatus().getDescription() == null ? "" : e.getStatus().getDescription();
        return new Refused(e.getStatus().getCode().name(), reason, shep, kk, ru, description);
    }
}
