package kz.shlyuz.bench.report;

/**
 * The gateway JVM's memory over the run: the largest heap in use seen by its sampler, the largest
 * committed heap, the heap limit, and the kernel's peak resident set (VmHWM).
 */
public record MemoryFigures(
        long peakHeapUsedBytes, long peakHeapCommittedBytes, long maxHeapBytes, long peakRssBytes) {}
