/**
 * The synchronous path ({@code Gateway/Call}): admission, the retry-safe message claim, the call
 * to the agency, verification of the agency's signed answer, the gateway's own signature, and
 * one journal entry per call whatever its outcome.
 */
package kz.shlyuz.gateway.call;
