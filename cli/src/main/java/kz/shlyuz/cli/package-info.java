/**
 * The {@code ./shlyuz} command line: {@code serve} (the whole development environment),
 * {@code adapter} (one agency adapter, as an agency would run it) and {@code call} (a signed
 * synchronous call, as a front-end system makes it).
 */
package kz.shlyuz.cli;
