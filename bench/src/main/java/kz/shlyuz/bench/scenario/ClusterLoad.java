package kz.shlyuz.bench.scenario;

import io.grpc.ManagedChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kz.shlyuz.bench.BenchOptions;
import kz.shlyuz.bench.env.BenchEnvironment;
import kz.shlyuz.bench.env.GatewayProcess;
import kz.shlyuz.bench.load.LatencyStats;
import kz.shlyuz.bench.load.LoadDriver;
import kz.shlyuz.bench.load.LoadPlan;
import kz.shlyuz.bench.report.Role;
import kz.shlyuz.certs.cms.CmsSigner;
import kz.shlyuz.certs.cms.SignerKey;
import kz.shlyuz.certs.identity.Employee;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.client.RequestBuilder;
import kz.shlyuz.gateway.server.DevMaterial;
import kz.shlyuz.proto.seal.AnswerForm;

/** One column of signed Submits and one of sealed Calls per node. */
final class ClusterLoad {
    final List<SignedColumn> submits = new ArrayList<>();
    final List<SignedColumn> calls = new ArrayList<>();

    ClusterLoad(BenchEnvironment env, List<GatewayProcess> nodes) {
        RequestBuilder builder = new RequestBuilder(new CmsSigner(env.clock()));
        SignerKey operator = env.pki().signerKey(Employee.HKKO_OPERATOR.key());
        SignerKey citizen = env.pki().signerKey(Persona.CLEAN.key());
        String iin = Persona.CLEAN.iin().value();
        for (GatewayProcess node : nodes) {
            ManagedChannel hkko = env.channel(node.port(), AsyncSubmitScenario.SENDER, DevMaterial.GATEWAY_SYSTEM);
            submits.add(new SignedColumn(
                    Role.SHLYUZ,
                    "submit",
                    hkko,
                    () -> AsyncSubmitScenario.sign(builder, operator, iin, env),
                    SignedColumn.Rpc.SUBMIT));
            ManagedChannel portal = env.channel(node.port(), SyncCallScenario.SENDER, DevMaterial.GATEWAY_SYSTEM);
            calls.add(new SignedColumn(
                    Role.SHLYUZ,
                    "sealed call",
                    portal,
                    () -> SyncCallScenario.sign(builder, citizen, iin, env),
                    SignedColumn.Rpc.CALL,
                    AnswerForm.BATCH_SEAL));
        }
    }

    /**
     * Signs ahead, outside any measured time, the requests {@code rate} per second would send over
     * {@code window}, plus one per call in flight, spread over the columns (at most {@code
     * --max-requests} each); returns how many each column holds.
     */
    static long prepare(List<SignedColumn> columns, BenchOptions options, long rate, Duration window, int concurrency) {
        long per =
                Math.min(options.maxRequests(), rate * Math.max(1, window.toSeconds()) / columns.size() + concurrency);
        columns.forEach(c -> c.prepare(per));
        return per;
    }

    /** Sends what {@link #prepare} signed, round-robin over the columns, closed loop, for at most {@code window}. */
    static LatencyStats send(String label, List<SignedColumn> columns, int concurrency, Duration window, long per)
            throws InterruptedException {
        int n = columns.size();
        return LoadDriver.run(
                label,
                LoadPlan.closedLoop(concurrency, window, per * n),
                seq -> columns.get((int) (seq % n)).send());
    }
}
