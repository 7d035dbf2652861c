package kz.shlyuz.adapters.monitoring;

import java.util.Objects;
import java.util.regex.Pattern;
import kz.shlyuz.adapters.operation.Operation;
import kz.shlyuz.adapters.operation.OperationContext;
import kz.shlyuz.adapters.operation.ProtoTime;
import kz.shlyuz.adapters.operation.Refusals;
import kz.shlyuz.proto.v1.StageReport;
import kz.shlyuz.proto.v1.StageReportReceipt;

/**
 * {@code STAGE_REPORT}: one stage of a case for the monitoring system (001 §14). Validates the
 * report, registers it once by its key in the {@link StageReportLedger} and answers with the
 * registration's number.
 */
public final class StageReportOperation implements Operation<StageReport> {
    /** The operation's name in {@code AgencyRequest.operation}. */
    public static final String NAME = "STAGE_REPORT";

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final StageReportLedger ledger;

    public StageReportOperation(StageReportLedger ledger) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<StageReport> bodyType() {
        return StageReport.class;
    }

    /** A report names no person: the case reference is what it is about. */
    @Override
    public String maskedSubject(StageReport body) {
        return body.getCaseRef().length() > 64 ? body.getCaseRef().substring(0, 64) : body.getCaseRef();
    }

    @Override
    public StageReportReceipt answer(StageReport body, OperationContext context) {
        if (!KEY.matcher(body.getReportKey()).matches()) {
            throw invalid("report_key бос немесе жарамсыз", "report_key пуст или недопустим");
        }
        if (body.getCaseRef().isBlank()
                || body.getServiceId().isBlank()
                || body.getEvent().isBlank()) {
            throw invalid(
                    "case_ref, service_id немесе event көрсетілмеген", "не указаны case_ref, service_id или event");
        }
        if (!body.hasHappenedAt() || body.getStage() < 1 || body.getCaseState().isBlank()) {
            throw invalid(
                    "happened_at, stage немесе case_state жарамсыз", "недопустимы happened_at, stage или case_state");
        }
        StageReportLedger.Registered registered = ledger.register(
                body.getReportKey(),
                body.getServiceId(),
                body.getCaseRef(),
                body.getEvent(),
                body.getStage(),
                happenedAt(body));
        return StageReportReceipt.newBuilder()
                .setReportKey(registered.key())
                .setRegisteredNo(registered.number())
                .setRegisteredAt(ProtoTime.timestamp(context.now()))
                .build();
    }

    /** The report's instant: seconds and their nanosecond part, as a Timestamp holds them. */
    private static java.time.Instant happenedAt(StageReport body) {
        com.google.protobuf.Timestamp t = body.getHappenedAt();
        return java.time.Instant.ofEpochSecond(t.getSeconds()).plusNanos(t.getNanos());
    }

    private static kz.shlyuz.adapters.operation.RefusalException invalid(String kk, String ru) {
        return Refusals.bodyInvalid(NAME, "shlyuz.v1.StageReport", kk, ru).exception();
    }

    public StageReportLedger ledger() {
        return ledger;
    }
}
