package kz.shlyuz.adapters.dispatch;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import kz.shlyuz.proto.v1.SignedResponse;

/**
 * The answers already given, by request id, so that a retry returns exactly the bytes it got
 * the first time. Bounded: the least recently used answer is forgotten first, and a retry that
 * comes after that is answered afresh (same data, new message id and signature time).
 */
public final class AnswerCache {
    /** The default bound: far more than the gateway retries within its retry window. */
    public static final int DEFAULT_CAPACITY = 10_000;

    private final Map<String, Answer> answers;

    public AnswerCache(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity: " + capacity + " (expected: > 0)");
        }
        this.answers = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Answer> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Optional<Answer> find(String requestId) {
        return Optional.ofNullable(answers.get(requestId));
    }

    /**
     * Keeps {@code answer} unless another thread answered the same id first; returns the answer
     * that stands, so concurrent duplicates all get the same bytes.
     */
    synchronized Answer keep(String requestId, Answer answer) {
        Answer earlier = answers.putIfAbsent(requestId, answer);
        return earlier != null ? earlier : answer;
    }

    /** How many answers are remembered. */
    public synchronized int size() {
        return answers.size();
    }

    /**
     * An answer given.
     *
     * @param maskedSubject the subject as logged, so a replay logs the same line
     */
    record Answer(RequestFingerprint fingerprint, String maskedSubject, SignedResponse response) {

        Answer {
            Objects.requireNonNull(fingerprint, "fingerprint");
            Objects.requireNonNull(maskedSubject, "maskedSubject");
            Objects.requireNonNull(response, "response");
        }
    }
}
