/**
 * The {@code ./shlyuz} command line: {@code serve} (the whole development environment),
 * {@code adapter} (one agency adapter, as an agency would run it) and {@code call} (a signed
 * synchronous call, as a front-end system makes it), {@code submit} (a signed asynchronous
 * request), {@code watch} (cabinet, status stream, completion notices) and {@code demo} (all
 * eight services for the fixture personas against a running gateway).
 */
package kz.shlyuz.cli;
