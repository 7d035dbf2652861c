/**
 * GOST signatures the way Kazakhstan's national CA and its crypto library (Kalkan) encode them,
 * with BouncyCastle's lightweight API only: GOST 34.310-2004 (CryptoPro-A curve, GOST R 34.11-94
 * with the "D-TEST" S-box) and GOST 34.10-2015 256/512 (TC26 paramSetA curves, Streebog), under
 * the Kazakh object identifiers, with little-endian public-key coordinates and signature values.
 *
 * <p>{@link kz.shlyuz.certs.gost.GostProvider} makes these algorithms visible to the JDK, so that
 * {@code X509Certificate.verify}, CRLs and the JDK's PKIX validator work on national GOST chains;
 * {@link kz.shlyuz.certs.gost.GostOperators} does the same for BouncyCastle's CMS and certificate
 * builders.
 */
package kz.shlyuz.certs.gost;
