package kz.shlyuz.adapters;

import static kz.shlyuz.adapters.TestCalls.assertRefused;
import static kz.shlyuz.adapters.TestCalls.body;
import static kz.shlyuz.adapters.TestCalls.request;
import static kz.shlyuz.adapters.TestCalls.stub;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.util.Timestamps;
import io.grpc.Status;
import kz.shlyuz.certs.pki.DevPki;
import kz.shlyuz.certs.pki.TestPki;
import kz.shlyuz.proto.v1.AgencyAdapterGrpc.AgencyAdapterBlockingStub;
import kz.shlyuz.proto.v1.AgencyRequest;
import kz.shlyuz.proto.v1.StageReport;
import kz.shlyuz.proto.v1.StageReportReceipt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The public-services monitoring system (001 §14) over real mutual TLS: each stage report registered once. */
class MonitoringAgencyTest {
    @RegisterExtension
    static final GrpcCleanup cleanup = new GrpcCleanup();

    static AdapterServer monitoring;
    static AgencyAdapterBlockingStub gateway;

    @BeforeAll
    static void start() throws Exception {
        DevPki pki = TestPki.shared();
        monitoring = cleanup.register(AdapterServer.start(AdapterConfig.defaults("monitoring", pki, 0)));
        gateway = stub(cleanup.register(TestCalls.channel(pki, "gateway", monitoring)));
    }

    static StageReport report(String key) {
        return StageReport.newBuilder()
                .setReportKey(key)
                .setServiceId("CONSULAR_PERMANENT_STAY")
                .setCaseRef("C2026-0000000000010000000000000001")
                .setChannel("burkit")
                .setEvent("ACCEPTED")
                .setStage(1)
                .setCaseState("IN_PROGRESS")
                .setHappenedAt(Timestamps.fromMillis(1_795_000_000_000L))
                .build();
    }

    @Test
    void registersAReportSentTwiceUnderOneKeyOnce() {
        int before = monitoring.stageReports().size();
        StageReportReceipt first = body(
                gateway.handle(request("CONSULAR_PERMANENT_STAY", "STAGE_REPORT", report("MON-41"))),
                StageReportReceipt.class);
        // The same report again under a new request id (its first answer lost, the cache gone): one registration.
        StageReportReceipt again = body(
                gateway.handle(request("CONSULAR_PERMANENT_STAY", "STAGE_REPORT", report("MON-41"))),
                StageReportReceipt.class);
        assertEquals("MON-41", first.getReportKey());
        assertTrue(first.getRegisteredNo().startsWith("MON-2026-"), first.getRegisteredNo());
        assertEquals(first.getRegisteredNo(), again.getRegisteredNo());
        assertEquals(before + 1, monitoring.stageReports().size());
    }

    @Test
    void refusesAReportWithoutItsStageNamingWhatIsMissing() {
        AgencyRequest bad = request(
                "CONSULAR_PERMANENT_STAY",
                "STAGE_REPORT",
                report("MON-42").toBuilder().setStage(0).build());
        TestCalls.Refused refused =
                assertRefused(Status.Code.INVALID_ARGUMENT, "BODY_INVALID", () -> gateway.handle(bad));
        assertTrue(refused.ru().contains("stage"), refused.ru());
        assertTrue(refused.kk().contains("stage"), refused.kk());
    }
}
