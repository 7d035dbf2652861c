/**
 * The agency registry: every agency information system Shlyuz routes to, declared once in
 * {@link kz.shlyuz.certs.agency.Agency} — its name (also its TLS CN), titles, default loopback
 * port, the operations it serves and the organisations whose signatures its answers carry.
 *
 * <p>Why here: the registry is read by every module — the dev PKI in this module mints the
 * agencies' TLS and signing identities from it, the adapters serve it, the gateway derives its
 * default adapter configuration from it and the command line starts adapters by it. {@code certs}
 * is the lowest module that all of them already depend on, and the registry needs only
 * {@link kz.shlyuz.certs.identity.Organisation} (the BINs), which lives here too. The package
 * depends on nothing but {@code identity} and the JDK, so it can move with {@code identity} to a
 * lower module when {@code certs} is split.
 *
 * <p>The registry names operations; what an operation does stays in the adapters module, which
 * maps each name to an implementation (a test there holds the two equal).
 */
package kz.shlyuz.certs.agency;
