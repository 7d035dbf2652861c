/**
 * The registers the regulations require, as tables an operator can query and export: the
 * exit-case book (002 §19, annex 3) and the consulate's journal of citizens granted permanent
 * stay (001 §13, annex 5). Their rows are written by the process in the case's own transaction
 * ({@link kz.shlyuz.gateway.process.FeedSignal#written}); an export is an audited act. See
 * docs/regulations/records.md.
 */
package kz.shlyuz.gateway.registers;
