package kz.shlyuz.gateway.server;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import kz.shlyuz.proto.seal.AnswerForm;

/**
 * Passes the {@code shlyuz-answer-form} request header on in the gRPC {@link Context}; whether the
 * sender may ask for that form is decided with its policy, in the call handler.
 */
final class AnswerFormInterceptor implements ServerInterceptor {
    static final Context.Key<String> ANSWER_FORM = Context.key("shlyuz.answer-form");

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(
            ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
        String form = headers.get(AnswerForm.HEADER_KEY);
        if (form == null) {
            return next.startCall(call, headers);
        }
        return Contexts.interceptCall(Context.current().withValue(ANSWER_FORM, form), call, headers, next);
    }
}
