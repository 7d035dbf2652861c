/**
 * An OCSP responder (RFC 6960) for the development PKI, the way the national CA publishes
 * revocation at {@code http://ocsp.pki.gov.kz/}: each issuing CA answers for the certificates it
 * issued, signing with its own key (RSA or GOST), echoing the request nonce, with thisUpdate and
 * nextUpdate. Runs on a loopback JDK HTTP server.
 */
package kz.shlyuz.certs.ocsp;
