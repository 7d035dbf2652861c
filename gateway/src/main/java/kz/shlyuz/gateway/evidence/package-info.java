/**
 * The evidence archive (issue 13): what proves each exchange, kept tamper-evident (a hash chain
 * per node, its head time-stamped by the RFC 3161 authority in batches), optionally encrypted at
 * rest, exportable as an ASiC-E container and verifiable offline with nothing but trust anchors,
 * and archived to hash-linked files once past retention. See docs/EVIDENCE.md.
 */
package kz.shlyuz.gateway.evidence;
