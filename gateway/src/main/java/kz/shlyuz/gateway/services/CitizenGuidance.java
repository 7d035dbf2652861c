package kz.shlyuz.gateway.services;

/**
 * What a service's own regulation tells the citizen beyond the outcome: how to appeal a refusal
 * (001 §16 differs from 002 §13) and where to collect a paper result. A null text leaves the
 * general one.
 *
 * @param appealKk / appealRu the appeal route and its terms, appended to a refusal
 * @param collectKk / collectRu where the result is collected, appended to an approval
 */
public record CitizenGuidance(String appealKk, String appealRu, String collectKk, String collectRu) {
    public CitizenGuidance {
        if ((appealKk == null) != (appealRu == null) || (collectKk == null) != (collectRu == null)) {
            throw new IllegalArgumentException("guidance: each text in both languages or in neither");
        }
    }
}
