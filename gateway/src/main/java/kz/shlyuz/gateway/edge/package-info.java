/**
 * The gateway's edge (issue 9): what a caller may cost before admission does any signature work.
 * HTTP/2 and connection limits ({@link kz.shlyuz.gateway.edge.TransportLimits},
 * {@link kz.shlyuz.gateway.edge.ConnectionLimits}), stalled and overlong calls
 * ({@link kz.shlyuz.gateway.edge.CallTimeLimits}), envelopes that are not protobuf
 * ({@link kz.shlyuz.gateway.edge.EnvelopeGuard}), per-sender rate limits and daily quotas
 * ({@link kz.shlyuz.gateway.edge.RateLimiter}), and the journal row every edge refusal leaves
 * ({@link kz.shlyuz.gateway.edge.EdgeJournal}). Limits and defaults: docs/LIMITS-EDGE.md.
 */
package kz.shlyuz.gateway.edge;
