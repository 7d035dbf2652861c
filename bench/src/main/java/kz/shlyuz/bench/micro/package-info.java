/** JMH micro-benchmarks of the signed path's parts; run with {@code ./shlyuz bench --micro}. */
package kz.shlyuz.bench.micro;
