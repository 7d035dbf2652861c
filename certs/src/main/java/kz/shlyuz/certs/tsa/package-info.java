/**
 * An RFC 3161 time-stamping authority for the development PKI, under the national CA's TSA
 * policy OIDs ({@code 1.2.398.3.3.2.6.1} GOST 2004, {@code .6.2} RSA-SHA256, {@code .6.4}
 * GOST 2015-512), in process and over HTTP ({@code application/timestamp-query}).
 */
package kz.shlyuz.certs.tsa;
