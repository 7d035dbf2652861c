package kz.shlyuz.gateway.config;

import java.util.Set;

/**
 * What one front-end system may do.
 *
 * @param services the service ids it may call; every other service is refused
 * @param operatorBins BINs of the organisations whose employees may sign on behalf of an
 *     applicant through this system (the State Corporation for {@code hkko}, the Ministry of
 *     Foreign Affairs for {@code burkit}); empty means every request must be signed by the applicant
 */
public record SenderPolicy(Set<String> services, Set<String> operatorBins) {
    public SenderPolicy {
        services = Set.copyOf(services);
        operatorBins = Set.copyOf(operatorBins);
    }

    public boolean allows(String serviceId) {
        return services.contains(serviceId);
    }
}
