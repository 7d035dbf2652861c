/**
 * The police department's part of the consular permanent-stay service (001): its re-decision on
 * an applicant's objection to a preliminary refusal (§11 ¶5–6) and its positive decision that the
 * consulate turns into the annex 4 notification (§9–§10).
 */
package kz.shlyuz.adapters.consular;
