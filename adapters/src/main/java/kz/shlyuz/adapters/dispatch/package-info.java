/**
 * Handling one {@code AgencyRequest}: pick the operation, unpack its typed body, answer from the
 * register, wrap the answer in a {@code ResponseContent} signed by the agency's keys, and remember
 * it so that a retried request id gets the byte-identical answer (ШЭП: a repeated messageId
 * repeats no effect). Every handled request leaves one log line, with the subject masked.
 */
package kz.shlyuz.adapters.dispatch;
