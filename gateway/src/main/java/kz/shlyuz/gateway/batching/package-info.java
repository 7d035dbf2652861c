/**
 * What the gateway's single-writer threads share: the journal's group commit, the case writer and
 * the answer sealer each take the work waiting, and under load wait a moment for more, so that one
 * commit or one signature serves many callers.
 */
package kz.shlyuz.gateway.batching;
