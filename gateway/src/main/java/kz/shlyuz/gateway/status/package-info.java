/**
 * Refusals and their translation to gRPC: the closed set of {@link kz.shlyuz.gateway.status.Reason}s,
 * the {@link kz.shlyuz.gateway.status.Refusal} exception that carries one, and the single place
 * ({@link kz.shlyuz.gateway.status.RefusalInterceptor}) where a refusal becomes a status with
 * {@code google.rpc.ErrorInfo} and Kazakh and Russian messages.
 */
package kz.shlyuz.gateway.status;
