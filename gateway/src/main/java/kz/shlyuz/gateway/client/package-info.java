/**
 * A client of the gateway as a front-end system uses it: builds {@code RequestContent}, signs the
 * exact bytes with detached CMS, calls over mutual TLS, and verifies the signatures on the answer.
 * Used by {@code ./shlyuz call}, the tests and the benchmarks.
 */
package kz.shlyuz.gateway.client;
