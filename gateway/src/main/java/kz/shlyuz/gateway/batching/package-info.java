/**
 * What the gateway's single-writer threads share: {@link kz.shlyuz.gateway.batching.GroupCommitter}
 * is the one writer thread with a bounded queue that the journal's group commit, the case writer,
 * the answer sealer and the evidence writer each run their group action on; under load it waits a
 * moment for more work ({@link kz.shlyuz.gateway.batching.Gathering}), so that one commit or one
 * signature serves many callers. A caller waits for its item at most what is left of its gRPC
 * deadline ({@link kz.shlyuz.gateway.batching.CallerDeadline}).
 */
package kz.shlyuz.gateway.batching;
