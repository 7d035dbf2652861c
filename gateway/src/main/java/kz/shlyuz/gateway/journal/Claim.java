package kz.shlyuz.gateway.journal;

import com.google.protobuf.ByteString;

/** What {@link Journal#claim} found for a (sender, message id). */
public sealed interface Claim {
    /** New: this call processes the message. */
    record Claimed() implements Claim {}

    /** Answered before with the same content: return this recorded answer. */
    record Completed(ByteString response) implements Claim {}

    /** Another call is processing the same message right now. */
    record InProgress() implements Claim {}

    /** The id was used before with different content. */
    record Conflict() implements Claim {}
}
