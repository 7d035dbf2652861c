/**
 * {@code Gateway/Submit}: the same admission as {@code Call}, then the case is durably opened
 * (claim, case, first steps, outbox, status message in one transaction) before the
 * acknowledgement is sent.
 */
package kz.shlyuz.gateway.submit;
