/**
 * The client library a front-end system embeds to use the gateway: builds {@code RequestContent},
 * signs the exact bytes with detached CMS ({@link kz.shlyuz.client.RequestBuilder}), calls over
 * mutual TLS ({@link kz.shlyuz.client.GatewayClient}), reads refusals back
 * ({@link kz.shlyuz.client.Refusals}) and verifies a batch seal
 * ({@link kz.shlyuz.client.AnswerSeals}, with the front end's own CMS verifier). It needs only the
 * wire contracts ({@code shlyuz-proto}) and CMS signing ({@code shlyuz-certs}), not the gateway.
 * Used by {@code ./shlyuz call}, the tests and the benchmarks.
 */
package kz.shlyuz.client;
