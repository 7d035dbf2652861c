/**
 * Stage reports to the public-services monitoring information system (001 §14): every status
 * message of every case becomes a report row in the case's own transaction ({@link
 * kz.shlyuz.gateway.monitoring.StageReports}), and a worker of its own ({@link
 * kz.shlyuz.gateway.monitoring.StageReporter}) delivers the rows at least once, retrying without
 * end, so that a monitoring outage never slows, blocks or fails a case. The monitoring adapter
 * records each report once by its stable key.
 */
package kz.shlyuz.gateway.monitoring;
