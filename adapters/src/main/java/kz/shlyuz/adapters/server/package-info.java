/**
 * The adapter's gRPC transport: mutual TLS from the dev PKI, the allow-list of calling systems
 * (only the gateway), the translation of refusals into {@code google.rpc.Status} with
 * {@code ErrorInfo} and Kazakh and Russian {@code LocalizedMessage}s (in one place), and the
 * {@code AgencyAdapter} service, which only translates between proto and the dispatcher.
 */
package kz.shlyuz.adapters.server;
