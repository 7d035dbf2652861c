/**
 * What a benchmark run starts on loopback: a temporary dev PKI, the agency adapter, the gateway in
 * a separate JVM (so its heap and RSS are its own) and nginx as a plain relay; all stopped after.
 */
package kz.shlyuz.bench.env;
