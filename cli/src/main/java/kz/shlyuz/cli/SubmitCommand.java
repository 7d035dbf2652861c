package kz.shlyuz.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Clock;
import java.util.concurrent.Callable;
import kz.shlyuz.certs.pki.DevPki;
import kz.shlyuz.client.GatewayClient;
import kz.shlyuz.client.Refusals;
import kz.shlyuz.proto.v1.PreliminaryRefusalObjection;
import kz.shlyuz.proto.v1.RequestContent;
import kz.shlyuz.proto.v1.SignedRequest;
import kz.shlyuz.proto.v1.SubmitAck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./shlyuz submit}: a signed asynchronous request (Gateway/Submit); prints the
 * acknowledgement (case id, status, due date) as JSON. With {@code --objection CASE} the body is
 * a PreliminaryRefusalObjection about that case; with {@code --delivery CASE} the consulate's
 * DraftRefusalDelivery. Exit status 0 accepted, 1 refused.
 */
@Command(
        name = "submit",
        mixinStandardHelpOptions = true,
        description = "Submit a signed asynchronous request (Gateway/Submit) and print the acknowledgement.")
final class SubmitCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    DataOptions data;

    @Mixin
    GatewayOptions gateway;

    @Mixin
    SignedRequestOptions request;

    @Option(
            names = "--objection",
            description = "Case id: the body is an objection to that case's preliminary refusal.")
    String objectionCase;

    @Option(
            names = "--delivery",
            description = "Case id: the body is the consulate's report that the applicant received the draft "
                    + "refusal (DraftRefusalDelivery, 001 §11); the objection window runs from its deliveredOn.")
    String deliveryCase;

    @Override
    public Integer call() throws Exception {
        // The person's input is checked before anything slow (loading the PKI, connecting).
        Message requestBody = objectionCase != null
                ? RequestBodies.parse(PreliminaryRefusalObjection.newBuilder(), request.body)
                : deliveryCase != null
                        ? RequestBodies.parse(kz.shlyuz.proto.v1.DraftRefusalDelivery.newBuilder(), request.body)
                        : RequestBodies.parse(request.service, request.body);
        DevPki pki = data.pki();
        Clock clock = Clock.systemUTC();
        RequestContent content = request.content(requestBody, clock);
        if (objectionCase != null || deliveryCase != null) {
            content = content.toBuilder()
                    .setCorrelationId(objectionCase != null ? objectionCase : deliveryCase)
                    .build();
        }
        SignedRequest signed = request.sign(pki, content, clock);
        ObjectNode out = JSON.createObjectNode();
        int exit;
        try (GatewayClient client = gateway.connect(pki, request.sender)) {
            SubmitAck ack = client.submit(signed);
            out.set("ack", JSON.readTree(JsonFormat.printer().print(ack)));
            exit = 0;
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
            exit = 1;
        }
        System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(out));
        return exit;
    }
}
