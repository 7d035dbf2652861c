/**
 * Asynchronous services as durable processes: each service's steps as data taken from its
 * regulation (its definition in {@link kz.shlyuz.gateway.services.Services}), and the engine that moves a case
 * through them in database transactions ({@link kz.shlyuz.gateway.process.ProcessEngine}):
 * a stage's steps fan out in parallel, the stage fans in when all have answered, a step that
 * finds grounds leads to the reasoned refusal, an optional step not answered in time is passed
 * over, and every change writes the person's status message in the same transaction.
 */
package kz.shlyuz.gateway.process;
