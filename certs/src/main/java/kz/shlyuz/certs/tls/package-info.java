/**
 * Mutual-TLS material as files on disk: one party's certificate chain, private key and the CAs its
 * peers must chain to ({@link kz.shlyuz.certs.tls.TlsFiles}), shared by the gateway, its agency
 * channels and the client library.
 */
package kz.shlyuz.certs.tls;
