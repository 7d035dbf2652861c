/**
 * Calls to the agency adapters: one mutual-TLS channel per adapter with grpc's own retry policy,
 * deadlines inherited from the caller's context, and adapter failures translated into refusals
 * that name the agency.
 */
package kz.shlyuz.gateway.routing;
