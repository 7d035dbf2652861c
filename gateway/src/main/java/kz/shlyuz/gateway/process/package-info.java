/**
 * Asynchronous services as durable processes: each service's steps as data taken from its
 * regulation (its definition in {@link kz.shlyuz.gateway.services.Services}), and the engine that moves a case
 * through them in database transactions ({@link kz.shlyuz.gateway.process.ProcessEngine}):
 * a stage's steps fan out in parallel, the stage fans in when all have answered, a step that
 * finds grounds leads to the reasoned refusal, an optional step not answered in time is passed
 * over, and every change writes the person's status message in the same transaction.
 *
 * <p>{@code ProcessEngine} is a facade over parts with one job each: {@code CaseIntake} (Submits
 * and objections), {@code OutboxStore} (the outbox's SQL), {@code CaseTransitions} (state changes,
 * with the pure {@code FanInDecision}), {@code Timers}, {@link kz.shlyuz.gateway.process.RetryPolicy}
 * and {@code CaseIds}. States are enums whose names are the stored and wire strings.
 */
package kz.shlyuz.gateway.process;
