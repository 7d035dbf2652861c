package kz.shlyuz.adapters.dispatch;

import com.google.protobuf.Any;
import com.google.protobuf.Internal;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;
import kz.shlyuz.adapters.agency.AgencyDefinition;
import kz.shlyuz.adapters.operation.Operation;
import kz.shlyuz.adapters.operation.OperationContext;
import kz.shlyuz.adapters.operation.RefusalException;
import kz.shlyuz.adapters.operation.Refusals;
import kz.shlyuz.proto.v1.AgencyRequest;
import kz.shlyuz.proto.v1.SignedResponse;

/**
 * Answers one {@code AgencyRequest}: idempotently per request id, signed by the agency.
 *
 * <p>Order of checks: the request id's form, then an earlier answer under the same id (the
 * same request gets its earlier bytes, a different one is refused {@code REQUEST_ID_REUSED}),
 * then the operation, its body and the register. Refusals are not remembered: nothing happened,
 * so a corrected retry under the same id is welcome.
 */
public final class Dispatcher {
    /** As ШЭП message ids and {@code RequestContent.message_id}: at most 64 of [A-Za-z0-9._:-]. */
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final AgencyDefinition agency;
    private final ResponseSigner signer;
    private final AnswerCache answers;
    private final Clock clock;

    public Dispatcher(AgencyDefinition agency, ResponseSigner signer, AnswerCache answers, Clock clock) {
        this.agency = Objects.requireNonNull(agency, "agency");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.answers = Objects.requireNonNull(answers, "answers");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Answers one agency request, signed, or replays the standing answer for the same request id.
     *
     * @throws RefusalException when the request cannot be answered; any other exception is a
     *     fault of the adapter
     */
    // ReferenceEquality: keep() hands back our own answer unless an earlier one stands; identity tells which.
    @SuppressWarnings("ReferenceEquality")
    public SignedResponse handle(AgencyRequest request) {
        long started = System.nanoTime();
        LogLine line = new LogLine();
        try {
            if (!REQUEST_ID.matcher(request.getRequestId()).matches()) {
                throw Refusals.requestIdInvalid().exception();
            }
            RequestFingerprint fingerprint = RequestFingerprint.of(request);
            var earlier = answers.find(request.getRequestId());
            if (earlier.isPresent()) {
                line.subject = earlier.get().maskedSubject();
                SignedResponse replayed = sameRequestOrRefuse(earlier.get(), fingerprint);
                line.outcome = "REPLAYED";
                return replayed;
            }
            Operation<?> operation = agency.operation(request.getOperation())
                    .orElseThrow(() -> Refusals.operationUnknown(agency.name(), request.getOperation())
                            .exception());
            AnswerCache.Answer answer = answer(operation, request, fingerprint, line);
            AnswerCache.Answer standing = answers.keep(request.getRequestId(), answer);
            SignedResponse response = sameRequestOrRefuse(standing, fingerprint);
            line.outcome = standing == answer ? "OK" : "REPLAYED";
            return response;
        } catch (RefusalException e) {
            line.outcome = e.refusal().reason();
            throw e;
        } finally {
            HandledRequestLog.handled(
                    agency.name(),
                    request.getOperation(),
                    request.getRequestId(),
                    line.subject,
                    line.outcome,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    private <B extends Message> AnswerCache.Answer answer(
            Operation<B> operation, AgencyRequest request, RequestFingerprint fingerprint, LogLine line) {
        B body = unpack(operation, request);
        // Known before the register is asked, so that a refused subject is logged too.
        line.subject = operation.maskedSubject(body);
        Instant now = clock.instant();
        Message answer =
                operation.answer(body, new OperationContext(request.getRequestId(), request.getServiceId(), now));
        return new AnswerCache.Answer(fingerprint, line.subject, signer.sign(request, answer, now));
    }

    private <B extends Message> B unpack(Operation<B> operation, AgencyRequest request) {
        Class<B> type = operation.bodyType();
        String expected =
                Internal.getDefaultInstance(type).getDescriptorForType().getFullName();
        if (!request.hasBody()) {
            throw Refusals.bodyInvalid(operation.name(), expected, "дене жоқ", "тело отсутствует")
                    .exception();
        }
        Any body = request.getBody();
        if (!body.is(type)) {
            String got = body.getTypeUrl().isEmpty() ? "—" : Refusals.printable(body.getTypeUrl());
            throw Refusals.bodyInvalid(operation.name(), expected, "келген түрі " + got, "получен тип " + got)
                    .exception();
        }
        try {
            return body.unpack(type);
        } catch (InvalidProtocolBufferException e) {
            throw Refusals.bodyInvalid(operation.name(), expected, "дене оқылмады", "тело не удалось разобрать")
                    .exception();
        }
    }

    private SignedResponse sameRequestOrRefuse(AnswerCache.Answer earlier, RequestFingerprint fingerprint) {
        if (!earlier.fingerprint().equals(fingerprint)) {
            throw Refusals.requestIdReused(agency.name()).exception();
        }
        return earlier.response();
    }

    /** What the request's log line says, filled in as handling gets further. */
    private static final class LogLine {
        String subject = "";
        String outcome = "INTERNAL_ERROR";
    }
}
