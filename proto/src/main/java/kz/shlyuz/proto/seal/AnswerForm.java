package kz.shlyuz.proto.seal;

import io.grpc.Metadata;
import java.util.Locale;
import java.util.Optional;

/**
 * How the gateway signs an answer, chosen by the caller per call (gRPC request header {@value
 * #HEADER}) among the forms its sender policy allows.
 */
public enum AnswerForm {
    /** The gateway's SignerInfo beside the agency's in the answer's one CMS (the default). */
    COUNTERSIGNATURE("countersignature"),
    /** The gateway's signature shared by a batch of answers ({@code SignedResponse.gateway_seal}). */
    BATCH_SEAL("batch-seal");

    /** The request header that names the form; absent means {@link #COUNTERSIGNATURE}. */
    public static final String HEADER = "shlyuz-answer-form";
    /** {@link #HEADER} as a gRPC metadata key, for the server that reads it and the clients that send it. */
    public static final Metadata.Key<String> HEADER_KEY = Metadata.Key.of(HEADER, Metadata.ASCII_STRING_MARSHALLER);

    private final String wireName;

    AnswerForm(String wireName) {
        this.wireName = wireName;
    }

    /** The name in the header and in the configuration. */
    public String wireName() {
        return wireName;
    }

    /** The form a header or configuration value names, if any (case-insensitive). */
    public static Optional<AnswerForm> named(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (AnswerForm form : values()) {
            if (form.wireName.equals(wanted) || form.name().equalsIgnoreCase(wanted)) {
                return Optional.of(form);
            }
        }
        return Optional.empty();
    }
}
