package kz.shlyuz.adapters.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import kz.shlyuz.proto.v1.SignedResponse;
import org.junit.jupiter.api.Test;

class AnswerCacheTest {

    @Test
    void forgetsTheLeastRecentlyUsedAnswerBeyondItsCapacity() {
        AnswerCache cache = new AnswerCache(2);
        cache.keep("a", answer("a"));
        cache.keep("b", answer("b"));
        cache.find("a");

        cache.keep("c", answer("c"));

        assertEquals(2, cache.size());
        assertTrue(cache.find("a").isPresent());
        assertTrue(cache.find("b").isEmpty());
    }

    @Test
    void keepsTheFirstAnswerWhenTwoRaceForOneRequestId() {
        AnswerCache cache = new AnswerCache(10);
        AnswerCache.Answer first = answer("first");

        cache.keep("id", first);

        assertSame(first, cache.keep("id", answer("second")));
    }

    private static AnswerCache.Answer answer(String text) {
        return new AnswerCache.Answer(
                new RequestFingerprint(ByteString.copyFromUtf8(text)),
                "-",
                SignedResponse.newBuilder()
                        .setContent(ByteString.copyFromUtf8(text))
                        .build());
    }
}
