package kz.shlyuz.gateway.server;

import io.grpc.stub.StreamObserver;
import kz.shlyuz.gateway.call.SyncCallHandler;
import kz.shlyuz.gateway.submit.SubmitHandler;
import kz.shlyuz.proto.v1.GatewayGrpc;
import kz.shlyuz.proto.v1.SignedRequest;
import kz.shlyuz.proto.v1.SignedResponse;
import kz.shlyuz.proto.v1.SubmitAck;

/**
 * {@code shlyuz.v1.Gateway}: translates between the wire and {@link SyncCallHandler}. Refusals it
 * throws become statuses in {@link kz.shlyuz.gateway.status.RefusalInterceptor}.
 */
final class GatewayService extends GatewayGrpc.GatewayImplBase {
    private final SyncCallHandler calls;
    private final SubmitHandler submits;

    GatewayService(SyncCallHandler calls, SubmitHandler submits) {
        this.calls = calls;
        this.submits = submits;
    }

    @Override
    public void submit(SignedRequest request, StreamObserver<SubmitAck> responses) {
        SubmitAck ack = submits.handle(SenderInterceptor.SENDER.get(), request);
        responses.onNext(ack);
        responses.onCompleted();
    }

    @Override
    public void call(SignedRequest request, StreamObserver<SignedResponse> responses) {
        SignedResponse response =
                calls.handle(SenderInterceptor.SENDER.get(), request, AnswerFormInterceptor.ANSWER_FORM.get());
        responses.onNext(response);
        responses.onCompleted();
    }
}
