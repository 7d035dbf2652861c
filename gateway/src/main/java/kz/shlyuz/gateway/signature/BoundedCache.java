package kz.shlyuz.gateway.signature;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.function.ToLongBiFunction;

/**
 * The one cache of the verifier: a Caffeine cache bounded by entries and by estimated bytes at
 * once. Caffeine bounds by count or by weight, not both; so each entry weighs at least an equal
 * share of the byte bound ({@code maxBytes / maxEntries}): the cache then never holds more than
 * {@code maxEntries} entries, nor more than {@code maxBytes} of what the weigher estimates.
 * Eviction (least recently and frequently used first) runs on the caller's thread, so the bound
 * holds without a background thread.
 */
final class BoundedCache<K, V> {
    private final Cache<K, V> cache;

    /** @param bytes an estimate of the heap an entry holds (key and value) */
    BoundedCache(SignatureLimits.CacheBound bound, ToLongBiFunction<K, V> bytes) {
        long share = Math.max(1, bound.maxBytes() / bound.maxEntries());
        this.cache = Caffeine.newBuilder()
                .maximumWeight(bound.maxBytes())
                .weigher((K key, V value) ->
                        (int) Math.min(Integer.MAX_VALUE, Math.max(share, bytes.applyAsLong(key, value))))
                .executor(Runnable::run)
                .build();
    }

    /** The cached value, or {@code null}. */
    V get(K key) {
        return cache.getIfPresent(key);
    }

    void put(K key, V value) {
        cache.put(key, value);
    }

    /** Puts {@code value} unless the key is cached already (a hit then costs no write). */
    void putIfAbsent(K key, V value) {
        cache.asMap().putIfAbsent(key, value);
    }

    /** A snapshot of the entries. */
    java.util.Map<K, V> entries() {
        return java.util.Map.copyOf(cache.asMap());
    }

    /** Entries now held, after pending evictions. */
    long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    /** The estimated bytes now held, after pending evictions. */
    long weight() {
        cache.cleanUp();
        return cache.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }
}
