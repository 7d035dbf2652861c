package kz.shlyuz.bench.scenario;

import io.grpc.ManagedChannel;
import java.util.ArrayList;
import java.util.List;
import kz.shlyuz.bench.env.BenchEnvironment;
import kz.shlyuz.bench.env.GatewayProcess;
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
}
