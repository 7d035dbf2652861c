package kz.shlyuz.bench.report;

import kz.shlyuz.bench.load.LatencyStats;

/** One printed row: a column's role and its measured phase. */
public record Row(Role role, LatencyStats stats) {}
