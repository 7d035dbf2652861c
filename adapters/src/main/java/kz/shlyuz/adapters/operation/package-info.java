/**
 * What an agency operation is ({@link kz.shlyuz.adapters.operation.Operation}: a typed body in,
 * a typed answer out) and the closed set of refusals an operation or the adapter may answer with
 * ({@link kz.shlyuz.adapters.operation.Refusal}, raised as
 * {@link kz.shlyuz.adapters.operation.RefusalException}). Knows nothing of gRPC transport: the
 * {@code server} package turns refusals into statuses.
 */
package kz.shlyuz.adapters.operation;
