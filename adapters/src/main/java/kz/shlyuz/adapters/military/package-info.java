/**
 * Military registration at the defence-affairs office (ҚБ): {@code MILITARY_REGISTRATION_CHECK}
 * (grounds only while compulsory service is in progress, 002 §3.5) and
 * {@code MILITARY_REGISTRATION_LOOKUP} (where the person stands, which the exit procedure needs
 * to deregister the applicant, 000).
 */
package kz.shlyuz.adapters.military;
