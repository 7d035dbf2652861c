/**
 * Workers that drain the durable outbox: they lease due rows (a lease that runs out lets another
 * node retake a crashed node's work), call the agency with the step's deterministic request id
 * (grpc's retry policy covers brief blips), verify the signed answer, and record the result — or,
 * when the agency stays unreachable, put the row back with exponential backoff.
 */
package kz.shlyuz.gateway.outbox;
