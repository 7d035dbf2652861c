package kz.shlyuz.gateway.services;

/**
 * How a service's own regulation tells the citizen to appeal a refusal (001 §16 differs from 002
 * §13), appended to its refusals; where a result is collected is the definition's {@code handOut}.
 *
 * @param appealKk / appealRu the appeal route and its terms
 */
public record CitizenGuidance(String appealKk, String appealRu) {
    public CitizenGuidance {
        if (appealKk == null || appealRu == null) {
            throw new IllegalArgumentException("guidance: the appeal route in both languages");
        }
    }
}
