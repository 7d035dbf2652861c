package kz.shlyuz.gateway.cabinet;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import kz.shlyuz.certs.identity.CheckDigit;
import kz.shlyuz.certs.identity.Iin;
import kz.shlyuz.gateway.caller.Caller;
import kz.shlyuz.gateway.cluster.FeedSignals;
import kz.shlyuz.gateway.cluster.SignalledReads;
import kz.shlyuz.gateway.status.Reason;
import kz.shlyuz.gateway.status.Refusal;
import kz.shlyuz.gateway.status.RefusalInterceptor;
import kz.shlyuz.proto.v1.CabinetGrpc;
import kz.shlyuz.proto.v1.Case;
import kz.shlyuz.proto.v1.ListCasesRequest;
import kz.shlyuz.proto.v1.ListCasesResponse;
import kz.shlyuz.proto.v1.StatusMessage;
import kz.shlyuz.proto.v1.WatchStatusRequest;

/** {@code shlyuz.v1.Cabinet}: translates between the wire and {@link CaseQueries}. */
public final class CabinetService extends CabinetGrpc.CabinetImplBase {
    private static final String PORTAL = "egov-portal";
    private static final int MAX_PAGE = 500;
    /** Status messages per read; a stream further behind reads again at once. */
    private static final int PAGE = 200;

    private final CaseQueries queries;
    private final ScheduledExecutorService poller;
    private final FeedSignals signals;
    private final java.util.function.Predicate<String> knownSender;

    private final Counter watches;

    /**
     * @param knownSender true for the configured sending systems; anyone else is refused
     */
    public CabinetService(
            CaseQueries queries,
            ScheduledExecutorService poller,
            FeedSignals signals,
            java.util.function.Predicate<String> knownSender) {
        this(queries, poller, signals, knownSender, new CompositeMeterRegistry());
    }

    /**
     * @param poller runs the streams' reads
     * @param signals when there is something new: a stream reads only then (issue 15)
     * @param metrics where {@code shlyuz.status.watches} counts the status streams subscribed: a
     *     stream is counted once the cursor it starts after is fixed, so whoever sees the count
     *     grow knows that every status message from then on reaches it
     */
    public CabinetService(
            CaseQueries queries,
            ScheduledExecutorService poller,
            FeedSignals signals,
            java.util.function.Predicate<String> knownSender,
            MeterRegistry metrics) {
        this.queries = queries;
        this.knownSender = knownSender;
        this.poller = poller;
        this.signals = signals;
        this.watches = Counter.builder("shlyuz.status.watches")
                .description("WatchStatus streams subscribed (counted once their start cursor is fixed)")
                .register(metrics);
    }

    /** The portal reads the citizen it names; a front office reads what it submitted. */
    private CaseQueries.Audience audience(String sender, String citizenIin) {
        if (!knownSender.test(sender)) {
            throw new Refusal(Reason.SENDER_NOT_ALLOWED, sender);
        }
        if (PORTAL.equals(sender)) {
            if (citizenIin.isEmpty()) {
                throw new Refusal(Reason.CABINET_NOT_ALLOWED, "citizen_iin is required");
            }
            if (!CheckDigit.holds(citizenIin)) {
                throw new Refusal(Reason.IIN_INVALID, Iin.mask(citizenIin));
            }
            return new CaseQueries.Audience(citizenIin, null);
        }
        return new CaseQueries.Audience(null, sender);
    }

    @Override
    public void listCases(ListCasesRequest request, StreamObserver<ListCasesResponse> responses) {
        CaseQueries.Audience audience = audience(Caller.SENDER.get(), request.getCitizenIin());
        int size = request.getPageSize() <= 0 ? 50 : Math.min(request.getPageSize(), MAX_PAGE);
        int offset;
        try {
            offset = request.getPageToken().isEmpty() ? 0 : Integer.parseInt(request.getPageToken());
        } catch (NumberFormatException e) {
            throw new Refusal(Reason.CURSOR_INVALID, "page_token");
        }
        List<Case> cases = queries.cases(audience, offset, size + 1);
        ListCasesResponse.Builder b =
                ListCasesResponse.newBuilder().addAllCases(cases.subList(0, Math.min(size, cases.size())));
        if (cases.size() > size) {
            b.setNextPageToken(Integer.toString(offset + size));
        }
        responses.onNext(b.build());
        responses.onCompleted();
    }

    @Override
    public void watchStatus(WatchStatusRequest request, StreamObserver<StatusMessage> responses) {
        CaseQueries.Audience audience = audience(Caller.SENDER.get(), request.getCitizenIin());
        long start;
        if (request.getAfterCursor().isEmpty()) {
            start = queries.latestCursor();
        } else {
            try {
                start = Long.parseLong(request.getAfterCursor());
            } catch (NumberFormatException e) {
                throw new Refusal(
                        Reason.CURSOR_INVALID,
                        request.getAfterCursor().length() > 20
                                ? request.getAfterCursor().substring(0, 20)
                                : request.getAfterCursor());
            }
            if (start < 0) {
                throw new Refusal(Reason.CURSOR_INVALID, request.getAfterCursor());
            }
        }
        ServerCallStreamObserver<StatusMessage> stream = (ServerCallStreamObserver<StatusMessage>) responses;
        AtomicLong cursor = new AtomicLong(start);
        AtomicReference<SignalledReads> reads = new AtomicReference<>();
        Runnable push = () -> {
            try {
                if (stream.isCancelled()) {
                    reads.get().close();
                    return;
                }
                List<StatusMessage> page;
                do {
                    page = queries.messagesAfter(audience, cursor.get(), PAGE);
                    for (StatusMessage m : page) {
                        stream.onNext(m);
                        cursor.set(Long.parseLong(m.getCursor()));
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
        watches.increment();
    }
}
