/**
 * The development PKI: generates, writes and loads a complete set of certificates that mirrors
 * the national CA's layout (an RSA root and intermediate for signing and authentication, a
 * separate TLS CA for systems, citizens, front-office employees, agencies, and deliberately
 * broken certificates for tests), described by {@code data/pki/index.json}.
 *
 * <p>{@link kz.shlyuz.certs.pki.DevPki} is the entry point; everything else here is how it is
 * built. Development only: the keys are written unencrypted.
 */
package kz.shlyuz.certs.pki;
