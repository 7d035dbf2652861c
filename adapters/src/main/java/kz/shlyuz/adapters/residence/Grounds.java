package kz.shlyuz.adapters.residence;

import java.time.Instant;
import kz.shlyuz.adapters.operation.ProtoTime;
import kz.shlyuz.proto.v1.CheckResult;

/** The answers of the residence checks: clear, or the ground a reasoned refusal quotes. */
final class Grounds {
    private Grounds() {}

    static CheckResult clear(String iin, Instant at) {
        return CheckResult.newBuilder()
                .setIin(iin)
                .setGroundsFound(false)
                .setCheckedAt(ProtoTime.timestamp(at))
                .build();
    }

    static CheckResult found(String iin, String code, String kk, String ru, String ref, Instant at) {
        return CheckResult.newBuilder()
                .setIin(iin)
                .setGroundsFound(true)
                .setGroundCode(code)
                .setGroundKk(kk)
                .setGroundRu(ru)
                .setRecordRef(ref)
                .setCheckedAt(ProtoTime.timestamp(at))
                .build();
    }
}
