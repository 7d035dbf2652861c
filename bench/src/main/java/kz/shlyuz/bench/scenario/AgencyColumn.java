package kz.shlyuz.bench.scenario;

import com.google.common.util.concurrent.ListenableFuture;
import com.google.protobuf.Any;
import com.google.protobuf.util.Timestamps;
import io.grpc.ManagedChannel;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import kz.shlyuz.bench.report.Role;
import kz.shlyuz.proto.v1.AgencyAdapterGrpc;
import kz.shlyuz.proto.v1.AgencyRequest;

/**
 * Columns (a) and (b): the adapter's own RPC with the request the gateway would send for the
 * scenario's call, each with its own request id so the adapter answers (and signs) afresh; there
 * is nothing to sign ahead.
 */
final class AgencyColumn implements Column {
    private static final long CALL_DEADLINE_MS = 10_000;

    private final Role role;
    private final String label;
    private final ManagedChannel channel;
    private final AgencyRequest template;
    private final Clock clock;
    private final Function<String, Any> body;
    private final String idPrefix = "bench-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private final AtomicLong next = new AtomicLong();

    AgencyColumn(Role role, String label, ManagedChannel channel, AgencyRequest template, Clock clock) {
        this(role, label, channel, template, clock, null);
    }

    /** With a body made per request from its request id (effects the agency keys on a case id, say). */
    AgencyColumn(
            Role role,
            String label,
            ManagedChannel channel,
            AgencyRequest template,
            Clock clock,
            Function<String, Any> body) {
        this.body = body;
        this.role = role;
        this.label = label;
        this.channel = channel;
        this.template = template;
        this.clock = clock;
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
        String requestId = idPrefix + next.getAndIncrement();
        AgencyRequest.Builder request =
                template.toBuilder().setRequestId(requestId).setSentAt(Timestamps.fromMillis(clock.millis()));
        if (body != null) {
            request.setBody(body.apply(requestId));
        }
        return AgencyAdapterGrpc.newFutureStub(channel)
                .withDeadlineAfter(CALL_DEADLINE_MS, TimeUnit.MILLISECONDS)
                .handle(request.build());
    }
}
