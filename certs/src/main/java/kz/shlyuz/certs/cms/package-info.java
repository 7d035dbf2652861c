/**
 * Making CMS signatures (RFC 5652 SignedData) the way the national crypto library does: one
 * SignerInfo per signer, identified by issuer and serial, with the signed attributes
 * content-type, message-digest and signing-time, and the signers' certificates included.
 * Verifying them is the gateway's job, not this package's.
 */
package kz.shlyuz.certs.cms;
