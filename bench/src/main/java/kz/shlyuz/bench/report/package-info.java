/** The printed table: one row per column, the ratios, the gateway's memory. */
package kz.shlyuz.bench.report;
