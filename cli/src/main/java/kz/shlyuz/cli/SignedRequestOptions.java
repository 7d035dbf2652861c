package kz.shlyuz.cli;

import com.google.protobuf.Message;
import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import kz.shlyuz.certs.cms.CmsSigner;
import kz.shlyuz.certs.cms.SignerKey;
import kz.shlyuz.certs.pki.DevPki;
import kz.shlyuz.client.RequestBuilder;
import kz.shlyuz.proto.v1.RequestContent;
import kz.shlyuz.proto.v1.SignedRequest;
import picocli.CommandLine.Option;

/** Who sends a signed request, who signs it and what it asks, for {@code call} and {@code submit}. */
final class SignedRequestOptions {
    @Option(names = "--as", required = true, description = "Sending system: egov-portal, hkko or burkit.")
    String sender;

    @Option(
            names = "--signer",
            required = true,
            split = ",",
            description = "Who signs: identity name or IIN from data/pki/index.json; comma-separate for several.")
    List<String> signers;

    @Option(
            names = "--service",
            required = true,
            description = "Service id, e.g. ADDRESS_CERTIFICATE or EXIT_PERMANENT_RESIDENCE.")
    String service;

    @Option(names = "--body", required = true, description = "Request body as protobuf JSON, e.g. '{\"iin\":\"…\"}'.")
    String body;

    @Option(names = "--message-id", description = "Message id (default: a new UUID); reuse one to retry safely.")
    String messageId;

    /** The request's content with this body, created now. */
    RequestContent content(Message requestBody, Clock clock) {
        return RequestBuilder.content(
                messageId == null ? UUID.randomUUID().toString() : messageId,
                sender,
                service,
                requestBody,
                clock.instant());
    }

    /** The content signed by every {@code --signer} (detached CMS). */
    SignedRequest sign(DevPki pki, RequestContent content, Clock clock) {
        return new RequestBuilder(new CmsSigner(clock))
                .sign(content, signers.stream().map(s -> signerKey(pki, s)).toList());
    }

    private static SignerKey signerKey(DevPki pki, String nameOrIin) {
        try {
            return pki.signerKey(nameOrIin);
        } catch (NoSuchElementException e) {
            throw new UsageError("--signer: " + e.getMessage(), e);
        }
    }
}
