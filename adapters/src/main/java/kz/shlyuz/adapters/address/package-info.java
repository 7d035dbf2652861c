/**
 * Address certificates (мекенжай анықтамасы, 004 annex 5): {@code ADDRESS_LOOKUP} at ЖТ МДБ for
 * individuals and at ЗТ МДБ for legal entities, answered with a {@code shlyuz.v1.AddressCertificate}.
 */
package kz.shlyuz.adapters.address;
