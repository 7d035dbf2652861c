/**
 * The operator console and management API (issue 14): an HTTPS listener of its own with accounts
 * and roles ({@code auth}), the append-only audit log ({@code audit}), the read models over the
 * journal, evidence, cases and outbox ({@code data}), and the Jetty servlets of the API and the
 * server-rendered pages ({@code web}). {@link kz.shlyuz.gateway.console.Console} starts it.
 */
package kz.shlyuz.gateway.console;
