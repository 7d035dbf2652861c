/**
 * Background checks on a person ({@code SubjectCheck} → {@code CheckResult}): convictions and
 * wanted persons at ҚСжАЕК, state secrets at ҰҚК, court obligations at САОД, tax debts at СД and
 * exit restrictions at the migration service. A person the register does not hold has a clean
 * record: the answer is "no grounds", never NOT_FOUND, since absence from these registers is the
 * normal case.
 */
package kz.shlyuz.adapters.check;
