package kz.shlyuz.gateway.config;

import java.util.Set;
import kz.shlyuz.proto.seal.AnswerForm;

/**
 * What one front-end system may do.
 *
 * @param services the service ids it may call; every other service is refused
 * @param operatorBins BINs of the organisations whose employees may sign on behalf of an
 *     applicant through this system (the State Corporation for {@code hkko}, the Ministry of
 *     Foreign Affairs for {@code burkit}); empty means every request must be signed by the applicant
 * @param answerForms how it may ask the gateway to sign answers ({@code shlyuz-answer-form});
 *     the countersignature, the default form, is always allowed
 */
public record SenderPolicy(Set<String> services, Set<String> operatorBins, Set<AnswerForm> answerForms) {
    public SenderPolicy {
        services = Set.copyOf(services);
        operatorBins = Set.copyOf(operatorBins);
        var forms = new java.util.HashSet<>(answerForms);
        forms.add(AnswerForm.COUNTERSIGNATURE);
        answerForms = Set.copyOf(forms);
    }

    /** A sender whose answers are countersigned only. */
    public SenderPolicy(Set<String> services, Set<String> operatorBins) {
        this(services, operatorBins, Set.of());
    }

    public boolean allows(AnswerForm form) {
        return answerForms.contains(form);
    }

    public boolean allows(String serviceId) {
        return services.contains(serviceId);
    }
}
