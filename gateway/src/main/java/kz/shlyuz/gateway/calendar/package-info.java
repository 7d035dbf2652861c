/**
 * Kazakhstan's working-day calendar and the regulations' terms (minutes, hours, calendar days,
 * working days, months) turned into due instants.
 */
package kz.shlyuz.gateway.calendar;
