package kz.shlyuz.bench.scenario;

import com.google.common.util.concurrent.ListenableFuture;
import io.grpc.ManagedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import kz.shlyuz.bench.report.Role;
import kz.shlyuz.client.AnswerSeals;
import kz.shlyuz.proto.seal.AnswerForm;
import kz.shlyuz.proto.v1.GatewayGrpc;
import kz.shlyuz.proto.v1.SignedRequest;

/**
 * Column (c): requests signed ahead (outside the measured time, on every core), each with its own
 * message id, sent to the gateway's {@code Call} or {@code Submit}.
 */
final class SignedColumn implements Column {
    private static final long CALL_DEADLINE_MS = 10_000;

    /** Which gateway RPC a column calls. */
    enum Rpc {
        CALL,
        SUBMIT
    }

    private final Role role;
    private final String label;
    private final ManagedChannel channel;
    private final Supplier<SignedRequest> signer;
    private final Rpc rpc;
    private final AnswerForm answerForm;
    private final List<SignedRequest> prepared = new ArrayList<>();
    private final AtomicLong next = new AtomicLong();

    SignedColumn(Role role, String label, ManagedChannel channel, Supplier<SignedRequest> signer, Rpc rpc) {
        this(role, label, channel, signer, rpc, AnswerForm.COUNTERSIGNATURE);
    }

    /** @param answerForm what the calls ask for in {@code shlyuz-answer-form} (the default sends no header) */
    SignedColumn(
            Role role,
            String label,
            ManagedChannel channel,
            Supplier<SignedRequest> signer,
            Rpc rpc,
            AnswerForm answerForm) {
        this.answerForm = answerForm;
        this.role = role;
        this.label = label;
        this.channel = channel;
        this.signer = signer;
        this.rpc = rpc;
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
        // The signing time must stay within the gateway's window (5 min), so sign per phase.
        List<SignedRequest> batch =
                IntStream.range(0, count).parallel().mapToObj(i -> signer.get()).toList();
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
        GatewayGrpc.GatewayFutureStub stub =
                GatewayGrpc.newFutureStub(channel).withDeadlineAfter(CALL_DEADLINE_MS, TimeUnit.MILLISECONDS);
        if (answerForm != AnswerForm.COUNTERSIGNATURE) {
            stub = stub.withInterceptors(AnswerSeals.asking(answerForm));
        }
        SignedRequest request = prepared.get((int) i);
        return rpc == Rpc.CALL ? stub.call(request) : stub.submit(request);
    }
}
