/**
 * {@code shlyuz.v1.CompletionNotices}: the outcome of each finished case, for the system that
 * submitted it, delivered until acknowledged (at least once; the notice id makes repeats
 * recognisable).
 */
package kz.shlyuz.gateway.notices;
