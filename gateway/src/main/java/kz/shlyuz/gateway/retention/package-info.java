/**
 * Retention of case files and their destruction by a recorded act (002 §20-21): an exit case
 * file is kept 10 years after a positive decision and 5 years after the last negative one; other
 * services by {@code evidence.retention} (their seeds are silent: the documented default). The
 * periods are the evidence archive's rule definitions, one set for both. Runs on the process clock.
 */
package kz.shlyuz.gateway.retention;
