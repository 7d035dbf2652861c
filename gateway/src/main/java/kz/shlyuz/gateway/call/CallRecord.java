package kz.shlyuz.gateway.call;

import com.google.protobuf.InvalidProtocolBufferException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import kz.shlyuz.gateway.admission.AdmittedRequest;
import kz.shlyuz.gateway.signature.VerifiedSigner;
import kz.shlyuz.gateway.status.Untrusted;
import kz.shlyuz.proto.v1.RequestContent;
import kz.shlyuz.proto.v1.SignedRequest;

/** What is known of a call so far, for its journal entry. */
final class CallRecord {
    final Instant receivedAt;
    final long startNanos;
    final String sender;
    String messageId;
    String serviceId;
    String contentSha256;
    String signers;
    String agency;
    long verifyNanos = -1;
    long agencyNanos = -1;
    SignedRequest request;
    List<VerifiedSigner> requestSigners;
    List<VerifiedSigner> answerSigners;
    /** The agency's answer when the gateway refused it; a replayed answer. */
    byte[] answer;

    CallRecord(Instant receivedAt, long startNanos, String sender) {
        this.receivedAt = receivedAt;
        this.startNanos = startNanos;
        this.sender = sender;
    }

    /**
     * For a request refused before its content was trusted: the ids it claims, so an operator
     * can find the refusal when the sender asks. Marked as unverified by the missing signers.
     */
    void identifyUnverified(SignedRequest request) {
        if (messageId != null) {
            return;
        }
        try {
            RequestContent content = RequestContent.parseFrom(request.getContent());
            // Unverified and the caller's own text: escaped before it reaches the journal and the log.
            messageId = content.getMessageId().length() <= 64 ? Untrusted.shown(content.getMessageId()) : null;
            serviceId = content.getServiceId().length() <= 64 ? Untrusted.shown(content.getServiceId()) : null;
        } catch (InvalidProtocolBufferException e) {
            // Nothing to identify it by; the entry keeps the sender and the reason.
        }
    }

    void admitted(AdmittedRequest admitted, long now) {
        messageId = admitted.messageId();
        serviceId = admitted.service().id();
        contentSha256 = admitted.contentSha256();
        signers = admitted.signers().stream().map(VerifiedSigner::describe).collect(Collectors.joining("; "));
        verifyNanos = now - startNanos;
        requestSigners = admitted.signers();
    }
}
