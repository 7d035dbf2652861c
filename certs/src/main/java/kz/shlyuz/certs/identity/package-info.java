/**
 * Who someone is in Kazakhstan's registers: the individual identification number (ЖСН / ИИН),
 * the business identification number (БСН / БИН), their check digit, and the fixture personas,
 * employees and organisations the dev PKI and the agency adapters share. Also what a national-CA
 * certificate says about its holder ({@link kz.shlyuz.certs.identity.CertificateHolder}) and the
 * national CA's OIDs ({@link kz.shlyuz.certs.identity.NcaOids}).
 */
package kz.shlyuz.certs.identity;
