package kz.shlyuz.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import kz.shlyuz.certs.pki.DevPki;
import kz.shlyuz.client.GatewayClient;
import kz.shlyuz.client.Refusals;
import kz.shlyuz.gateway.seal.AnswerSeals;
import kz.shlyuz.gateway.signature.SignatureVerifier;
import kz.shlyuz.gateway.signature.TrustMaterial;
import kz.shlyuz.gateway.signature.VerifiedSigner;
import kz.shlyuz.gateway.status.Refusal;
import kz.shlyuz.proto.seal.AnswerForm;
import kz.shlyuz.proto.v1.AdapterProto;
import kz.shlyuz.proto.v1.ResponseContent;
import kz.shlyuz.proto.v1.ServicesProto;
import kz.shlyuz.proto.v1.SignedRequest;
import kz.shlyuz.proto.v1.SignedResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./shlyuz call}: what a front-end system does — build the content, sign it with the dev
 * key of the signer, call the gateway over mutual TLS as the sending system, and print the answer
 * as JSON with the result of verifying its signatures. Exit status: 0 answered and verified,
 * 1 refused, 3 answered but a signature on the answer did not verify.
 */
@Command(
        name = "call",
        mixinStandardHelpOptions = true,
        description = "Make a signed synchronous call (Gateway/Call) and print the verified answer as JSON.")
final class CallCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFormat.TypeRegistry TYPES = JsonFormat.TypeRegistry.newBuilder()
            .add(ServicesProto.getDescriptor().getMessageTypes())
            .add(AdapterProto.getDescriptor().getMessageTypes())
            .build();

    @Mixin
    DataOptions data;

    @Mixin
    SignedRequestOptions request;

    @Mixin
    GatewayOptions gateway;

    @Option(
            names = "--answer-form",
            defaultValue = "countersignature",
            description =
                    "How the gateway signs the answer: countersignature or batch-seal (default: ${DEFAULT-VALUE}).")
    String answerForm;

    @Override
    public Integer call() throws Exception {
        AnswerForm form = AnswerForm.named(answerForm).orElse(null);
        if (form == null) {
            System.err.println("--answer-form: " + answerForm + " (expected: countersignature or batch-seal)");
            return 2;
        }
        // The person's input is checked before anything slow (loading the PKI, connecting).
        Message requestBody = RequestBodies.parse(request.service, request.body);
        DevPki pki = data.pki();
        Clock clock = Clock.systemUTC();
        SignedRequest signed = request.sign(pki, request.content(requestBody, clock), clock);
        ObjectNode out = JSON.createObjectNode();
        int exit;
        try (GatewayClient client = gateway.connect(pki, request.sender)) {
            SignedResponse response = client.call(signed, form);
            exit = describeAnswer(pki, clock, response, out);
        } catch (StatusRuntimeException e) {
            Refusals.Refused refused = Refusals.read(e);
            if (refused.reason().isEmpty() && e.getStatus().getCode() == Status.Code.UNAVAILABLE) {
                throw e; // no answer from the gateway at all: one line from Errors, not a refusal
            }
            out.put("status", refused.code());
            out.put("reason", refused.reason());
            out.put("shepCode", refused.shepCode());
            out.put("messageKk", refused.kazakh());
            out.put("messageRu", refused.russian());
            if (refused.reason().isEmpty()) {
                out.put("description", refused.description());
            }
            exit = 1;
        }
        System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(out));
        return exit;
    }

    private int describeAnswer(DevPki pki, Clock clock, SignedResponse response, ObjectNode out) throws Exception {
        ResponseContent content = ResponseContent.parseFrom(response.getContent());
        out.put("status", "OK");
        out.set(
                "response",
                JSON.readTree(JsonFormat.printer().usingTypeRegistry(TYPES).print(content)));
        ArrayNode signatures = out.putArray("signatures");
        SignatureVerifier verifier = new SignatureVerifier(
                new TrustMaterial(pki.signingTrustAnchors(), pki.signingIntermediates(), pki.crls()),
                clock,
                Duration.ofHours(1));
        try {
            for (VerifiedSigner signer : verifier.verify(
                    response.getContent().toByteArray(), response.getSignature().toByteArray())) {
                ObjectNode s = signatures.addObject();
                s.put("signer", signer.holder().commonName());
                if (signer.holder().organisation() != null) {
                    s.put("organisation", signer.holder().organisation());
                }
                if (signer.holder().bin() != null) {
                    s.put("bin", signer.holder().bin());
                }
                s.put("role", signer.holder().role().name());
                s.put("signingTime", signer.signingTime().toString());
                if (!signer.timeStamp().isEmpty()) {
                    s.put("timeStamp", signer.timeStamp());
                }
                s.put("verified", true);
            }
            if (response.hasGatewaySeal()) {
                AnswerSeals.VerifiedSeal seal = AnswerSeals.verify(response, verifier);
                ObjectNode s = out.putObject("gatewaySeal");
                s.put("signer", seal.gateway().holder().commonName());
                s.put("bin", seal.gateway().holder().bin());
                s.put("signingTime", seal.gateway().signingTime().toString());
                if (!seal.gateway().timeStamp().isEmpty()) {
                    s.put("timeStamp", seal.gateway().timeStamp());
                }
                s.put("sealId", seal.manifest().getSealId());
                s.put("answersInBatch", seal.manifest().getLeafCount());
                s.put("proofSteps", response.getGatewaySeal().getPathCount());
                s.put("verified", true);
            }
            out.put("signaturesVerified", true);
            return 0;
        } catch (Refusal r) {
            out.put("signaturesVerified", false);
            out.put("signatureProblem", r.reason() + ": " + r.detail());
            return 3;
        }
    }
}
