/**
 * Who someone is in Kazakhstan's registers: the individual identification number (ЖСН / ИИН),
 * the business identification number (БСН / БИН), their check digit, and the fixture personas
 * and organisations the dev PKI and the agency adapters share.
 */
package kz.shlyuz.certs.identity;
