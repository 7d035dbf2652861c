/**
 * Residence registration's registers (004 annexes 3 and 4): the dwelling register with its owners
 * (ЖТ МДБ), the court decisions that ended a right of use (САОД), and the registration book of
 * ХҚТ ТП АЖ, where a change of address is one act.
 */
package kz.shlyuz.adapters.residence;
