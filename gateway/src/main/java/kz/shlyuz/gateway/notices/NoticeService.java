package kz.shlyuz.gateway.notices;

import com.google.protobuf.util.Timestamps;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import kz.shlyuz.gateway.caller.Caller;
import kz.shlyuz.gateway.status.Reason;
import kz.shlyuz.gateway.status.Refusal;
import kz.shlyuz.gateway.status.RefusalInterceptor;
import kz.shlyuz.proto.v1.AcknowledgeNoticeRequest;
import kz.shlyuz.proto.v1.AcknowledgeNoticeResponse;
import kz.shlyuz.proto.v1.CompletionNotice;
import kz.shlyuz.proto.v1.CompletionNoticesGrpc;
import kz.shlyuz.proto.v1.ReceiveNoticesRequest;

/** {@code shlyuz.v1.CompletionNotices}: translates between the wire and {@link NoticeStore}. */
public final class NoticeService extends CompletionNoticesGrpc.CompletionNoticesImplBase {
    private final NoticeStore store;
    private final ScheduledExecutorService poller;
    private final Duration pollInterval;
    private final Predicate<String> knownSender;
    private final Clock clock;

    public NoticeService(
            NoticeStore store,
            ScheduledExecutorService poller,
            Duration pollInterval,
            Predicate<String> knownSender,
            Clock clock) {
        this.store = store;
        this.poller = poller;
        this.pollInterval = pollInterval;
        this.knownSender = knownSender;
        this.clock = clock;
    }

    private String sender() {
        String sender = Caller.SENDER.get();
        if (!knownSender.test(sender)) {
            throw new Refusal(Reason.SENDER_NOT_ALLOWED, sender);
        }
        return sender;
    }

    @Override
    public void receive(ReceiveNoticesRequest request, StreamObserver<CompletionNotice> responses) {
        String sender = sender();
        ServerCallStreamObserver<CompletionNotice> stream = (ServerCallStreamObserver<CompletionNotice>) responses;
        // Sent on this stream: not repeated here; a new stream sends whatever is still unacknowledged.
        Set<String> sent = ConcurrentHashMap.newKeySet();
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        Runnable push = () -> {
            try {
                if (stream.isCancelled()) {
                    task.get().cancel(false);
                    return;
                }
                for (CompletionNotice notice : store.pending(sender, sent, 100)) {
                    store.delivered(notice.getNoticeId());
                    stream.onNext(notice);
                    sent.add(notice.getNoticeId());
                }
            } catch (RuntimeException e) {
                task.get().cancel(false);
                stream.onError(RefusalInterceptor.translate(e));
            }
        };
        synchronized (task) {
            task.set(poller.scheduleWithFixedDelay(
                    () -> {
                        synchronized (task) {
                            push.run();
                        }
                    },
                    0,
                    pollInterval.toMillis(),
                    TimeUnit.MILLISECONDS));
        }
        stream.setOnCancelHandler(() -> task.get().cancel(false));
    }

    @Override
    public void acknowledge(AcknowledgeNoticeRequest request, StreamObserver<AcknowledgeNoticeResponse> responses) {
        String sender = sender();
        var now = clock.instant();
        if (!store.acknowledge(sender, request.getNoticeId(), now)) {
            String id = request.getNoticeId();
            throw new Refusal(Reason.NOTICE_NOT_FOUND, id.length() > 48 ? id.substring(0, 48) : id);
        }
        responses.onNext(AcknowledgeNoticeResponse.newBuilder()
                .setAcknowledgedAt(Timestamps.fromMillis(now.toEpochMilli()))
                .build());
        responses.onCompleted();
    }
}
