/**
 * The service registry: each of the nine services of DESIGN.md has exactly one definition here
 * ({@link kz.shlyuz.gateway.services.Service} names it, a file named after it defines it) that
 * says everything about it — body type, synchronous or not, which senders may use it by default,
 * who must sign, its own intake rules, the agency call that answers it or its process (stages,
 * steps with the agency and operation each asks, terms, optional steps, the objection rule) and
 * its texts. Admission, routing, the process engine and the shipped configuration read
 * {@link kz.shlyuz.gateway.services.Services}; nothing else names a service.
 *
 * <p>The vocabulary of a definition ({@code Applicants}, {@code AgencyCall}, {@code Stage},
 * {@code StepSpec}, {@code ProcessDefinition}, {@code CaseFacts}) lives here too, so that this
 * package depends only on the calendar, the refusals, the proto and the agency registry, and every
 * capability that reads a definition depends on it, never the other way round.
 *
 * <p>Adding a service: a constant in {@code Service}, its definition file, its body message in
 * {@code services.proto}, and any new adapter operation its steps ask for (declared in the agency
 * registry, {@code kz.shlyuz.certs.agency.Agency}, and implemented in the adapters).
 */
package kz.shlyuz.gateway.services;
