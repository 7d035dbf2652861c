/**
 * Whether a request may enter: its size, its sender, its signature, its content, its service, its
 * freshness, and whether those who signed are the applicants (or an operator entitled to act for
 * them). The result is an {@link kz.shlyuz.gateway.admission.AdmittedRequest} or a refusal.
 */
package kz.shlyuz.gateway.admission;
