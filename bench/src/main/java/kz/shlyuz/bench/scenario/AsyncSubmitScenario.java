package kz.shlyuz.bench.scenario;

import com.google.protobuf.Any;
import io.grpc.ManagedChannel;
import java.util.ArrayList;
import java.util.List;
import kz.shlyuz.bench.env.BenchEnvironment;
import kz.shlyuz.bench.report.Role;
import kz.shlyuz.certs.cms.CmsSigner;
import kz.shlyuz.certs.cms.SignerKey;
import kz.shlyuz.certs.identity.Employee;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.client.RequestBuilder;
import kz.shlyuz.gateway.server.DevMaterial;
import kz.shlyuz.gateway.services.Service;
import kz.shlyuz.proto.v1.AgencyRequest;
import kz.shlyuz.proto.v1.EffectOrder;
import kz.shlyuz.proto.v1.SignedRequest;
import kz.shlyuz.proto.v1.TemporaryIdRequest;

/**
 * Durable acknowledgements: the front office (hkko) submits a temporary ID card (seed 004 annex
 * 2), signed by its operator (RSA-2048); the gateway verifies, opens the case in the embedded H2
 * store and acknowledges once the case is committed; the case then runs (mvd-docs issues the
 * card) in the gateway's outbox worker while the load goes on. The baseline of (a) and (b) is the
 * agency call such a case makes later: mvd-docs' TEMPORARY_ID_ISSUE effect (adapter-signed
 * answer, a fresh case id per call), directly and through nginx. After the load, the run waits
 * until every acknowledged case has finished and says how many finished and at what rate
 * ({@link CaseTracker}).
 */
public final class AsyncSubmitScenario implements Scenario {
    static final String SERVICE = Service.TEMPORARY_ID.id();
    static final String SENDER = "hkko";

    @Override
    public String name() {
        return "async-submit";
    }

    @Override
    public String description() {
        return "Gateway/Submit " + SERVICE + " by " + SENDER
                + " (operator's RSA-2048 CMS signature), acknowledged once "
                + "the case is committed to the embedded H2 store, cases running meanwhile; baseline (a)/(b): the "
                + "mvd-docs TEMPORARY_ID_ISSUE call a case makes later (adapter-signed answer), no gateway";
    }

    @Override
    public String relayedAgency() {
        return BenchEnvironment.DOCS_AGENCY;
    }

    @Override
    public List<Column> columns(BenchEnvironment env) {
        RequestBuilder builder = new RequestBuilder(new CmsSigner(env.clock()));
        SignerKey operator = env.pki().signerKey(Employee.HKKO_OPERATOR.key());
        String iin = Persona.CLEAN.iin().value();
        AgencyRequest template = AgencyRequest.newBuilder()
                .setServiceId(SERVICE)
                .setOperation("TEMPORARY_ID_ISSUE")
                .setOriginSystem(SENDER)
                .setOriginal(sign(builder, operator, iin, env))
                .buildPartial();
        java.util.function.Function<String, Any> order = requestId -> Any.pack(
                EffectOrder.newBuilder().setCaseId(requestId).setIin(iin).build());
        List<Column> columns = new ArrayList<>();
        ManagedChannel direct =
                env.channel(env.docsAdapterPort(), DevMaterial.GATEWAY_SYSTEM, BenchEnvironment.DOCS_AGENCY);
        columns.add(
                new AgencyColumn(Role.DIRECT, "adapter mvd-docs direct (issue)", direct, template, env.clock(), order));
        env.nginx()
                .ifPresent(nginx -> columns.add(new AgencyColumn(
                        Role.PROXY,
                        "nginx grpc_pass -> mvd-docs (issue)",
                        env.channel(nginx.port(), DevMaterial.GATEWAY_SYSTEM, BenchEnvironment.DOCS_AGENCY),
                        template,
                        env.clock(),
                        order)));
        ManagedChannel gateway = env.channel(env.gateway().port(), SENDER, DevMaterial.GATEWAY_SYSTEM);
        // Every acknowledged case is followed to its end through hkko's status feed (see CaseTracker).
        columns.add(new CaseTracker(
                new SignedColumn(
                        Role.SHLYUZ,
                        "Shlyuz Gateway/Submit (durable ack)",
                        gateway,
                        () -> sign(builder, operator, iin, env),
                        SignedColumn.Rpc.SUBMIT),
                gateway,
                env));
        return columns;
    }

    static SignedRequest sign(RequestBuilder builder, SignerKey operator, String iin, BenchEnvironment env) {
        TemporaryIdRequest body =
                TemporaryIdRequest.newBuilder().setIin(iin).setReason("утерян").build();
        return builder.sign(
                RequestBuilder.content(SENDER, SERVICE, body, env.clock().instant()), List.of(operator));
    }
}
