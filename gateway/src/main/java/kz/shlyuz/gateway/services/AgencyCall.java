package kz.shlyuz.gateway.services;

import com.google.protobuf.Message;
import kz.shlyuz.certs.agency.Agency;

/** One operation to ask of one agency adapter. */
public record AgencyCall(String adapter, String operation, Message body) {
    /** A call of an operation the agency registry declares for {@code agency}. */
    public AgencyCall(Agency agency, String operation, Message body) {
        this(StepSpec.declared(agency, operation), operation, body);
    }
}
