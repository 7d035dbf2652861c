package kz.shlyuz.adapters.check;

import java.time.Instant;
import kz.shlyuz.adapters.operation.ProtoTime;
import kz.shlyuz.adapters.registry.Ground;
import kz.shlyuz.certs.identity.Iin;
import kz.shlyuz.proto.v1.CheckResult;

/** The two shapes of a {@code CheckResult}: clean, or grounds found. */
public final class CheckResults {

    private CheckResults() {}

    /** Nothing on record: {@code grounds_found} false and every ground field empty. */
    public static CheckResult clean(Iin iin, Instant checkedAt) {
        return CheckResult.newBuilder()
                .setIin(iin.value())
                .setGroundsFound(false)
                .setCheckedAt(ProtoTime.timestamp(checkedAt))
                .build();
    }

    /** A ground on record, quoted as the register states it. */
    public static CheckResult found(Iin iin, Ground ground, Instant checkedAt) {
        return CheckResult.newBuilder()
                .setIin(iin.value())
                .setGroundsFound(true)
                .setGroundCode(ground.code())
                .setGroundKk(ground.textKk())
                .setGroundRu(ground.textRu())
                .setRecordRef(ground.recordRef())
                .setCheckedAt(ProtoTime.timestamp(checkedAt))
                .build();
    }
}
