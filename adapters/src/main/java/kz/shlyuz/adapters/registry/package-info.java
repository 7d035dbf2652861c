/**
 * The agencies' registers as the development environment seeds them: fixture JSON resources
 * ({@code fixtures/<agency>.json}) read with Jackson at start-up, keyed by persona key
 * ({@code Persona.key()}) or organisation name and resolved to IINs and BINs once, so that a
 * malformed fixture stops the adapter at start rather than answering wrongly later.
 *
 * <p>Each register is an immutable lookup; the values are records validated when built.
 */
package kz.shlyuz.adapters.registry;
