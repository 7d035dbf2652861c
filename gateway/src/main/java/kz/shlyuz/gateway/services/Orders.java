package kz.shlyuz.gateway.services;

import com.google.protobuf.Message;
import kz.shlyuz.proto.v1.EffectOrder;
import kz.shlyuz.proto.v1.SubjectCheck;

/** The agency bodies the definitions' steps build from a case, where several services build them alike. */
final class Orders {
    private Orders() {}

    /** A background check of the applicant, for the purpose of this service. */
    static Message subjectCheck(CaseFacts f) {
        return SubjectCheck.newBuilder()
                .setIin(f.citizenIin())
                .setPurpose(f.serviceId())
                .build();
    }

    /** An order to change an agency's register for this case's applicant (and second person). */
    static EffectOrder.Builder order(CaseFacts f) {
        EffectOrder.Builder b = EffectOrder.newBuilder().setCaseId(f.caseId()).setIin(f.citizenIin());
        if (f.relatedIin() != null) {
            b.setRelatedIin(f.relatedIin());
        }
        return b;
    }
}
