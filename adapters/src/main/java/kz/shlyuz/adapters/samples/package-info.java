/**
 * Requests filled in from the fixtures' own records, for the demo and for tests that need a
 * complete, truthful request for someone the development registers hold.
 */
package kz.shlyuz.adapters.samples;
