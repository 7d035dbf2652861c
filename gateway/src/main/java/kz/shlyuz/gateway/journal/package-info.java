/**
 * The durable record of every call (журнал): message claims that make retries safe, and one
 * journal entry per call with its outcome and timings. JDBC with Flyway migrations, on H2 by
 * default and on PostgreSQL for several gateway nodes sharing one database.
 */
package kz.shlyuz.gateway.journal;
