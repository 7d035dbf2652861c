package kz.shlyuz.bench.scenario;

import com.google.common.util.concurrent.ListenableFuture;
import com.google.protobuf.Any;
import com.google.protobuf.util.Timestamps;
import io.grpc.ManagedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import kz.shlyuz.bench.env.BenchEnvironment;
import kz.shlyuz.bench.report.Role;
import kz.shlyuz.certs.cms.CmsSigner;
import kz.shlyuz.certs.cms.SignerKey;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.gateway.client.RequestBuilder;
import kz.shlyuz.gateway.server.DevMaterial;
import kz.shlyuz.proto.v1.AddressCertificateRequest;
import kz.shlyuz.proto.v1.AddressLookup;
import kz.shlyuz.proto.v1.AgencyAdapterGrpc;
import kz.shlyuz.proto.v1.AgencyRequest;
import kz.shlyuz.proto.v1.GatewayGrpc;
import kz.shlyuz.proto.v1.SignedRequest;

/**
 * The synchronous address certificate of a person (seed 004 annex 5): the portal sends a request
 * signed by the citizen (RSA-2048); gbd-fl answers signed by MVD and the Ministry of Justice; the
 * gateway verifies all three signatures and the chains, journals the call and adds its own
 * signature. Columns (a) and (b) send the adapter the very {@code AgencyRequest} the gateway
 * would send for it, each with its own request id so the adapter answers (and signs) afresh.
 */
public final class SyncRsaScenario implements Scenario {
    static final String SERVICE = "ADDRESS_CERTIFICATE";
    static final String SENDER = "egov-portal";
    private static final long CALL_DEADLINE_MS = 10_000;

    @Override
    public String name() {
        return "sync-rsa";
    }

    @Override
    public String description() {
        return "Gateway/Call " + SERVICE + " (person, gbd-fl signs with MVD + Justice keys), citizen's RSA-2048 "
                + "CMS signature, mutual TLS";
    }

    @Override
    public List<Column> columns(BenchEnvironment env) {
        RequestBuilder builder = new RequestBuilder(new CmsSigner(env.clock()));
        SignerKey citizen = env.pki().signerKey(Persona.CLEAN.key());
        String iin = Persona.CLEAN.iin().value();
        SignedRequest sample = sign(builder, citizen, iin, env);
        List<Column> columns = new ArrayList<>();
        ManagedChannel direct = env.channel(env.adapterPort(), DevMaterial.GATEWAY_SYSTEM, BenchEnvironment.AGENCY);
        columns.add(new AgencyColumn(Role.DIRECT, "adapter gbd-fl direct", direct, iin, sample, env));
        env.nginx().ifPresent(nginx -> columns.add(new AgencyColumn(Role.PROXY, "nginx grpc_pass -> adapter",
                env.channel(nginx.port(), DevMaterial.GATEWAY_SYSTEM, BenchEnvironment.AGENCY), iin, sample, env)));
        ManagedChannel gateway = env.channel(env.gateway().port(), SENDER, DevMaterial.GATEWAY_SYSTEM);
        columns.add(new GatewayColumn(Role.SHLYUZ, "Shlyuz Gateway/Call (signed)", gateway, builder, citizen, iin, env));
        return columns;
    }

    private static SignedRequest sign(RequestBuilder builder, SignerKey citizen, String iin, BenchEnvironment env) {
        AddressCertificateRequest body = AddressCertificateRequest.newBuilder().setIin(iin).build();
        return builder.sign(RequestBuilder.content(SENDER, SERVICE, body, env.clock().instant()), List.of(citizen));
    }

    /** Columns (a) and (b): the adapter's own RPC with the gateway's request, unique ids, nothing to sign. */
    private static final class AgencyColumn implements Column {
        private final Role role;
        private final String label;
        private final ManagedChannel channel;
        private final AgencyRequest template;
        private final String idPrefix = "bench-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        private final AtomicLong next = new AtomicLong();
        private final BenchEnvironment env;

        AgencyColumn(Role role, String label, ManagedChannel channel, String iin, SignedRequest original,
                BenchEnvironment env) {
            this.role = role;
            this.label = label;
            this.channel = channel;
            this.env = env;
            this.template = AgencyRequest.newBuilder()
                    .setServiceId(SERVICE)
                    .setOperation("ADDRESS_LOOKUP")
                    .setBody(Any.pack(AddressLookup.newBuilder().setIin(iin).build()))
                    .setOriginSystem(SENDER)
                    .setOriginal(original)
                    .buildPartial();
        }

        @Override
        public Role role() {
            return role;
        }

        @Override
        public String label() {
            return label;
        }

        @Override
        public long prepare(long requests) {
            return requests;
        }

        @Override
        public ListenableFuture<?> send() {
            AgencyRequest request = template.toBuilder()
                    .setRequestId(idPrefix + next.getAndIncrement())
                    .setSentAt(Timestamps.fromMillis(env.clock().millis()))
                    .build();
            return AgencyAdapterGrpc.newFutureStub(channel)
                    .withDeadlineAfter(CALL_DEADLINE_MS, TimeUnit.MILLISECONDS)
                    .handle(request);
        }
    }

    /** Column (c): requests signed ahead, each with its own message id, sent to the gateway. */
    private static final class GatewayColumn implements Column {
        private final Role role;
        private final String label;
        private final ManagedChannel channel;
        private final RequestBuilder builder;
        private final SignerKey citizen;
        private final String iin;
        private final BenchEnvironment env;
        private final List<SignedRequest> prepared = new ArrayList<>();
        private final AtomicLong next = new AtomicLong();

        GatewayColumn(Role role, String label, ManagedChannel channel, RequestBuilder builder, SignerKey citizen,
                String iin, BenchEnvironment env) {
            this.role = role;
            this.label = label;
            this.channel = channel;
            this.builder = builder;
            this.citizen = citizen;
            this.iin = iin;
            this.env = env;
        }

        @Override
        public Role role() {
            return role;
        }

        @Override
        public String label() {
            return label;
        }

        @Override
        public synchronized long prepare(long requests) {
            int count = (int) Math.min(requests, Integer.MAX_VALUE - 8);
            // Signing ahead on every core; the signing time must stay within the gateway's window (5 min).
            List<SignedRequest> batch = IntStream.range(0, count).parallel()
                    .mapToObj(i -> sign(builder, citizen, iin, env)).toList();
            prepared.subList(0, (int) Math.min(next.get(), prepared.size())).clear();
            next.set(0);
            prepared.addAll(batch);
            return prepared.size();
        }

        @Override
        public ListenableFuture<?> send() {
            long i = next.getAndIncrement();
            if (i >= prepared.size()) {
                throw new IllegalStateException("no prepared request left (" + prepared.size() + " were signed ahead)");
            }
            return GatewayGrpc.newFutureStub(channel)
                    .withDeadlineAfter(CALL_DEADLINE_MS, TimeUnit.MILLISECONDS)
                    .call(prepared.get((int) i));
        }
    }
}
