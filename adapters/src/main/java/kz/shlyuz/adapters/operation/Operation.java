package kz.shlyuz.adapters.operation;

import com.google.protobuf.Message;

/**
 * One operation an agency serves, e.g. {@code ADDRESS_LOOKUP} at ЖТ МДБ.
 *
 * @param <B> the operation's request body, which arrives packed in {@code AgencyRequest.body}
 */
public interface Operation<B extends Message> {

    /** The operation name the gateway sends in {@code AgencyRequest.operation}. */
    String name();

    /** The body type; a body of another type is refused with {@code BODY_INVALID}. */
    Class<B> bodyType();

    /** Whom or what the body is about, masked so that it may be logged (never a full IIN). */
    String maskedSubject(B body);

    /**
     * Answers from the agency's register.
     *
     * @return the answer body that goes into {@code ResponseContent.body}
     * @throws RefusalException when the body is invalid or the register has no such subject
     */
    Message answer(B body, OperationContext context);
}
