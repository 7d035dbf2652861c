/**
 * {@code ./shlyuz bench}: starts the agency adapter, a gateway in its own JVM and (when installed)
 * nginx as a plain gRPC relay, all on loopback, drives the same request through each with a
 * closed-loop load and prints throughput, latency percentiles and the ratios between them.
 */
package kz.shlyuz.bench;
