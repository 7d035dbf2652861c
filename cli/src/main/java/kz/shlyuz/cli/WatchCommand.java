package kz.shlyuz.cli;

import io.grpc.Context;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import kz.shlyuz.certs.pki.DevPki;
import kz.shlyuz.client.GatewayClient;
import kz.shlyuz.client.Refusals;
import kz.shlyuz.proto.v1.AcknowledgeNoticeRequest;
import kz.shlyuz.proto.v1.CabinetGrpc;
import kz.shlyuz.proto.v1.Case;
import kz.shlyuz.proto.v1.CompletionNotice;
import kz.shlyuz.proto.v1.CompletionNoticesGrpc;
import kz.shlyuz.proto.v1.ListCasesRequest;
import kz.shlyuz.proto.v1.ReceiveNoticesRequest;
import kz.shlyuz.proto.v1.StatusMessage;
import kz.shlyuz.proto.v1.WatchStatusRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./shlyuz watch}: the cabinet as a system sees it — the cases ({@code --list}), the status
 * stream resumed from a cursor, or the completion notices ({@code --notices}, acknowledged with
 * {@code --ack}). Streams run until Ctrl-C or {@code --for}.
 */
@Command(
        name = "watch",
        mixinStandardHelpOptions = true,
        description = "List cases, stream status messages from a cursor, or receive completion notices.")
final class WatchCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Mixin
    GatewayOptions gateway;

    @Option(
            names = "--as",
            required = true,
            description = "Reading system: egov-portal (with --citizen), hkko or burkit.")
    String system;

    @Option(names = "--citizen", defaultValue = "", description = "The citizen's IIN or identity name (portal only).")
    String citizen;

    @Option(names = "--list", description = "Print the cases with their steps and history, then exit.")
    boolean list;

    @Option(names = "--after", defaultValue = "", description = "Resume after this cursor (\"0\" from the beginning).")
    String after;

    @Option(names = "--notices", description = "Receive completion notices instead of status messages.")
    boolean notices;

    @Option(names = "--ack", description = "With --notices: acknowledge each notice once printed.")
    boolean ack;

    @Option(names = "--for", description = "Stop streaming after this long, e.g. PT30S (default: until Ctrl-C).")
    Duration duration;

    @Override
    public Integer call() throws Exception {
        DevPki pki = data.pki();
        String iin = citizen.isEmpty() || citizen.matches("\\d{12}")
                ? citizen
                : pki.identity(citizen).iin();
        try (GatewayClient client = gateway.connect(pki, system)) {
            if (list) {
                for (Case c : CabinetGrpc.newBlockingStub(client.channel())
                        .withDeadlineAfter(10, TimeUnit.SECONDS)
                        .listCases(ListCasesRequest.newBuilder()
                                .setCitizenIin(iin)
                                .setPageSize(500)
                                .build())
                        .getCasesList()) {
                    Timelines.timeline(System.out, c.getServiceId(), c);
                }
                return 0;
            }
            Context.CancellableContext context = duration == null
                    ? Context.current().withCancellation()
                    : Context.current()
                            .withDeadlineAfter(
                                    duration.toMillis(),
                                    TimeUnit.MILLISECONDS,
                                    java.util.concurrent.Executors.newSingleThreadScheduledExecutor());
            return context.call(() -> stream(client, iin));
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == io.grpc.Status.Code.DEADLINE_EXCEEDED
                    || e.getStatus().getCode() == io.grpc.Status.Code.CANCELLED) {
                return 0;
            }
            Refusals.Refused r = Refusals.read(e);
            System.out.printf(
                    "%s %s (%s)%n  kk: %s%n  ru: %s%n", r.code(), r.reason(), r.shepCode(), r.kazakh(), r.russian());
            return 1;
        }
    }

    private int stream(GatewayClient client, String iin) {
        if (notices) {
            Iterator<CompletionNotice> it = CompletionNoticesGrpc.newBlockingStub(client.channel())
                    .receive(ReceiveNoticesRequest.getDefaultInstance());
            while (it.hasNext()) {
                CompletionNotice n = it.next();
                System.out.printf(
                        "notice %s case %s %s %s %s (delivery %d)%n  kk: %s%n  ru: %s%n",
                        n.getNoticeId(),
                        n.getCaseId(),
                        n.getServiceId(),
                        n.getOutcome(),
                        n.getReference(),
                        n.getDelivery(),
                        n.getTextKk(),
                        n.getTextRu());
                if (ack) {
                    CompletionNoticesGrpc.newBlockingStub(client.channel())
                            .withDeadlineAfter(5, TimeUnit.SECONDS)
                            .acknowledge(AcknowledgeNoticeRequest.newBuilder()
                                    .setNoticeId(n.getNoticeId())
                                    .build());
                }
            }
            return 0;
        }
        Iterator<StatusMessage> it = CabinetGrpc.newBlockingStub(client.channel())
                .watchStatus(WatchStatusRequest.newBuilder()
                        .setCitizenIin(iin)
                        .setAfterCursor(after)
                        .build());
        while (it.hasNext()) {
            StatusMessage m = it.next();
            System.out.printf("case %s%n", m.getCaseId());
            Timelines.message(System.out, m);
        }
        return 0;
    }
}
