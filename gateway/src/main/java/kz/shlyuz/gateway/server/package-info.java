/**
 * Bootstrap and lifecycle: the mutual-TLS gRPC server, the sender identified from its client
 * certificate, health and reflection services, and graceful shutdown in order.
 */
package kz.shlyuz.gateway.server;
