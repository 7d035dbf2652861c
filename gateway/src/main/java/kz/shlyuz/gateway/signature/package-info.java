/**
 * Proof of who signed: CMS SignedData verification over exact bytes, the algorithms the national
 * CA uses, certificate paths to the configured trust anchors with revocation, and the signer's
 * identity as the certificate states it. Knows nothing of services, routing or the journal.
 */
package kz.shlyuz.gateway.signature;
