package kz.shlyuz.gateway.notices;

import com.google.protobuf.util.Timestamps;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import kz.shlyuz.gateway.caller.Caller;
import kz.shlyuz.gateway.cluster.FeedSignals;
import kz.shlyuz.gateway.cluster.SignalledReads;
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
    /** Notices per read; a stream with more pending reads again at once. */
    private static final int PAGE = 100;

    private final NoticeStore store;
    private final ScheduledExecutorService poller;
    private final FeedSignals signals;
    private final Predicate<String> knownSender;
    private final Clock clock;

    /**
     * @param poller runs the streams' reads
     * @param signals when there is something new: a notice is written with its case's last status
     *     message, so a stream reads only when the status cursor moved (issue 15)
     */
    public NoticeService(
            NoticeStore store,
            ScheduledExecutorService poller,
            FeedSignals signals,
            Predicate<String> knownSender,
            Clock clock) {
        this.store = store;
        this.poller = poller;
        this.signals = signals;
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
        AtomicReference<SignalledReads> reads = new AtomicReference<>();
        Runnable push = () -> {
            try {
                if (stream.isCancelled()) {
                    reads.get().close();
                    return;
                }
                List<CompletionNotice> page;
                do {
                    page = store.pending(sender, sent, PAGE);
                    for (CompletionNotice notice : page) {
                        store.delivered(notice.getNoticeId());
                        stream.onNext(notice);
                        sent.add(notice.getNoticeId());
                    }
                } while (page.size() == PAGE && !stream.isCancelled());
            } catch (RuntimeException e) {
                reads.get().close();
                stream.onError(RefusalInterceptor.translate(e));
            }
        };
        // The first read runs on the poller after the handle is set (the read closes it on failure).
        synchronized (reads) {
            reads.set(SignalledReads.start(
                    signals,
                    command -> poller.execute(() -> {
                        synchronized (reads) {
                            command.run();
                        }
                    }),
                    push));
        }
        stream.setOnCancelHandler(() -> reads.get().close());
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
