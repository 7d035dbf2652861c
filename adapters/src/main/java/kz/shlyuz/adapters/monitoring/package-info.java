/**
 * The public-services monitoring information system (001 §14) as an adapter: it receives a
 * {@code StageReport} for every stage of every case and records each report once by its stable
 * key, however often the gateway sends it (the gateway delivers at least once).
 */
package kz.shlyuz.adapters.monitoring;
