/** Closed-loop and paced gRPC load over async stubs, with latencies in HdrHistogram. */
package kz.shlyuz.bench.load;
