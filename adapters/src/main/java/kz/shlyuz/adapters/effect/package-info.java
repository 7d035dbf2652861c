/**
 * Effect operations: the changes an agency makes to its register when a process asks
 * (registrations, permits, manufactured documents, decisions). Each is applied once per request
 * id and recorded in the agency's {@link kz.shlyuz.adapters.effect.EffectLedger}, so tests can
 * prove an effect happened exactly once even across gateway crashes and retries.
 */
package kz.shlyuz.adapters.effect;
