package kz.shlyuz.gateway.async;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.certs.testing.Await;
import kz.shlyuz.gateway.cluster.FeedSignals;
import kz.shlyuz.proto.v1.CabinetGrpc;
import kz.shlyuz.proto.v1.CompletionNotice;
import kz.shlyuz.proto.v1.CompletionNoticesGrpc;
import kz.shlyuz.proto.v1.ReceiveNoticesRequest;
import kz.shlyuz.proto.v1.StatusMessage;
import kz.shlyuz.proto.v1.SubmitAck;
import kz.shlyuz.proto.v1.WatchStatusRequest;
import org.junit.jupiter.api.Test;

/**
 * Open streams read the database only when something new was committed (issue 15): however many
 * are open, an idle node's database work is its one safety poll of the feed counter. Counted, not
 * timed: the node's stream reads stay the same while its safety polls go on.
 */
class StreamsReadWhenSignalledTest {
    private static final int STREAMS = 24;

    @Test
    void idleStreamsDoNotReadTheDatabaseHoweverManyAreOpen() throws Exception {
        try (AsyncEnvironment env =
                new AsyncEnvironment(Set.of(), null, p -> p.withStreamSafetyPoll(Duration.ofMillis(40)))) {
            FeedSignals signals = env.gateway.feedSignals();
            List<Streams<StatusMessage>> watches = new ArrayList<>();
            List<Streams<CompletionNotice>> notices = new ArrayList<>();
            try {
                openStreams(env, 1, watches, notices);
                awaitIdle(signals, 2);
                openStreams(env, STREAMS - 1, watches, notices);
                awaitIdle(signals, 2 * STREAMS);

                // One case: every open stream gets its news, each from a read of its own.
                SubmitAck ack =
                        env.submit("hkko", "EXIT_PERMANENT_RESIDENCE", ExitRequests.of(Persona.CLEAN), "hkko-operator");
                for (Streams<StatusMessage> watch : watches) {
                    StatusMessage first = watch.take(1, Duration.ofSeconds(10)).get(0);
                    assertEquals(ack.getCaseId(), first.getCaseId());
                    assertEquals("ACCEPTED", first.getStatus());
                }
                env.awaitState("hkko", ack.getCaseId(), "APPROVED");
                for (Streams<CompletionNotice> stream : notices) {
                    assertEquals(
                            ack.getCaseId(),
                            stream.take(1, Duration.ofSeconds(10)).get(0).getCaseId());
                }
            } finally {
                watches.forEach(Streams::close);
                notices.forEach(Streams::close);
            }
        }
    }

    private static void openStreams(
            AsyncEnvironment env,
            int n,
            List<Streams<StatusMessage>> watches,
            List<Streams<CompletionNotice>> notices) {
        var channel = env.client("hkko").channel();
        for (int i = 0; i < n; i++) {
            watches.add(Streams.open(
                    o -> CabinetGrpc.newStub(channel).watchStatus(WatchStatusRequest.getDefaultInstance(), o)));
            notices.add(Streams.open(o ->
                    CompletionNoticesGrpc.newStub(channel).receive(ReceiveNoticesRequest.getDefaultInstance(), o)));
        }
    }

    /**
     * Waits until {@code open} streams are subscribed and have made their first read (catching up
     * from their cursors), then lets five safety polls pass and checks no stream read again.
     */
    private static void awaitIdle(FeedSignals signals, int open) {
        Await.until(
                () -> signals.subscribers() == open && signals.streamReads() == open,
                Duration.ofSeconds(10),
                Duration.ofMillis(10),
                () -> "subscribed " + signals.subscribers() + ", reads " + signals.streamReads() + " of " + open);
        long polls = signals.safetyPolls();
        Await.until(
                () -> signals.safetyPolls() >= polls + 5,
                Duration.ofSeconds(10),
                Duration.ofMillis(10),
                () -> "safety polls: " + signals.safetyPolls());
        assertEquals(open, signals.streamReads(), "reads of " + open + " idle streams over five safety polls");
    }
}
