package kz.shlyuz.bench.scenario;

import com.google.protobuf.Any;
import io.grpc.ManagedChannel;
import java.util.ArrayList;
import java.util.List;
import kz.shlyuz.bench.env.BenchEnvironment;
import kz.shlyuz.bench.report.Role;
import kz.shlyuz.certs.cms.CmsSigner;
import kz.shlyuz.certs.cms.SignerKey;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.client.RequestBuilder;
import kz.shlyuz.gateway.server.DevMaterial;
import kz.shlyuz.gateway.services.Service;
import kz.shlyuz.proto.seal.AnswerForm;
import kz.shlyuz.proto.v1.AddressCertificateRequest;
import kz.shlyuz.proto.v1.AddressLookup;
import kz.shlyuz.proto.v1.AgencyRequest;
import kz.shlyuz.proto.v1.SignedRequest;

/**
 * The synchronous address certificate of a person (seed 004 annex 5): the portal sends a request
 * signed by the citizen (RSA-2048, or GOST 34.10-2015 from the national CA's GOST hierarchy);
 * gbd-fl answers signed by MVD and the Ministry of Justice; the gateway verifies all three
 * signatures and the chains, journals the call and adds its own signature — (c) a countersignature
 * on every answer, (d) the batch seal (one signature per batch of answers). Columns (a) and (b)
 * send the adapter the very {@code AgencyRequest} the gateway would send for it, each with its own
 * request id so the adapter answers (and signs) afresh.
 */
public final class SyncCallScenario implements Scenario {
    static final String SERVICE = Service.ADDRESS_CERTIFICATE.id();
    static final String SENDER = "egov-portal";

    private final String name;
    private final String signerKey;
    private final String algorithm;

    private SyncCallScenario(String name, String signerKey, String algorithm) {
        this.name = name;
        this.signerKey = signerKey;
        this.algorithm = algorithm;
    }

    /** The citizen signs with RSA-2048 (SHA256withRSA). */
    public static SyncCallScenario rsa() {
        return new SyncCallScenario("sync-rsa", Persona.CLEAN.key(), "RSA-2048");
    }

    /** The citizen signs with GOST 34.10-2015 (512-bit) and the GOST 34.11-2015 digest. */
    public static SyncCallScenario gost() {
        return new SyncCallScenario("sync-gost", Persona.CLEAN.key() + "-gost2015", "GOST 34.10-2015");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "Gateway/Call " + SERVICE + " (person, gbd-fl signs with MVD + Justice keys), citizen's " + algorithm
                + " CMS signature, mutual TLS";
    }

    @Override
    public List<Column> columns(BenchEnvironment env) {
        RequestBuilder builder = new RequestBuilder(new CmsSigner(env.clock()));
        SignerKey citizen = env.pki().signerKey(signerKey);
        String iin = Persona.CLEAN.iin().value();
        AgencyRequest template = AgencyRequest.newBuilder()
                .setServiceId(SERVICE)
                .setOperation("ADDRESS_LOOKUP")
                .setBody(Any.pack(AddressLookup.newBuilder().setIin(iin).build()))
                .setOriginSystem(SENDER)
                .setOriginal(sign(builder, citizen, iin, env))
                .buildPartial();
        List<Column> columns = new ArrayList<>();
        ManagedChannel direct = env.channel(env.adapterPort(), DevMaterial.GATEWAY_SYSTEM, BenchEnvironment.AGENCY);
        columns.add(new AgencyColumn(Role.DIRECT, "adapter gbd-fl direct", direct, template, env.clock()));
        env.nginx()
                .ifPresent(nginx -> columns.add(new AgencyColumn(
                        Role.PROXY,
                        "nginx grpc_pass -> adapter",
                        env.channel(nginx.port(), DevMaterial.GATEWAY_SYSTEM, BenchEnvironment.AGENCY),
                        template,
                        env.clock())));
        ManagedChannel gateway = env.channel(env.gateway().port(), SENDER, DevMaterial.GATEWAY_SYSTEM);
        columns.add(new SignedColumn(
                Role.SHLYUZ,
                "Shlyuz Gateway/Call (signed)",
                gateway,
                () -> sign(builder, citizen, iin, env),
                SignedColumn.Rpc.CALL));
        columns.add(new SignedColumn(
                Role.SHLYUZ_SEALED,
                "Shlyuz Gateway/Call (signed, batch seal)",
                gateway,
                () -> sign(builder, citizen, iin, env),
                SignedColumn.Rpc.CALL,
                AnswerForm.BATCH_SEAL));
        return columns;
    }

    /** The citizen's signed address-certificate call through the portal, with a fresh message id. */
    static SignedRequest sign(RequestBuilder builder, SignerKey citizen, String iin, BenchEnvironment env) {
        AddressCertificateRequest body =
                AddressCertificateRequest.newBuilder().setIin(iin).build();
        return builder.sign(
                RequestBuilder.content(SENDER, SERVICE, body, env.clock().instant()), List.of(citizen));
    }
}
