/**
 * {@code shlyuz.v1.Cabinet}: a citizen's cases with their steps and status history, and the
 * stream of new status messages resumable by cursor.
 *
 * <p>Who sees what: the portal ({@code egov-portal}) reads the cabinet of the citizen it names.
 * The portal is trusted as the holder of the citizen's authenticated session (the citizen logged
 * in to egov.kz with IIN and password or ЭЦҚ); the gateway cannot re-check a login it did not
 * see, so it relies on the portal's mutual-TLS identity and never lets any other system read by
 * IIN. Front offices ({@code hkko}, {@code burkit}) see exactly the cases they submitted,
 * whatever IIN they name.
 */
package kz.shlyuz.gateway.cabinet;
