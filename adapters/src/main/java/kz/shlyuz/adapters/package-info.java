/**
 * The agency adapters: one gRPC server per agency information system (ЖТ МДБ, ЗТ МДБ, ҚСжАЕК,
 * ҰҚК, САОД, СД, ҚБ, the migration service, ХҚТ ТП АЖ and "АӨО" РМК), each answering the
 * gateway's {@code shlyuz.v1.AgencyAdapter} calls from its own fixture register and signing what
 * it answers with the agency's keys.
 *
 * <p>This package is the module's public API: {@link kz.shlyuz.adapters.AdapterConfig} says how
 * one adapter runs, {@link kz.shlyuz.adapters.AdapterServer} runs it, and
 * {@link kz.shlyuz.adapters.Agencies} names the agencies, their titles and default ports. The
 * sub-packages are the adapters' internals; nothing outside this module should use them.
 */
package kz.shlyuz.adapters;
