package kz.shlyuz.gateway.admission;

import com.google.protobuf.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import kz.shlyuz.proto.v1.AddressCertificateRequest;
import kz.shlyuz.proto.v1.AddressLookup;
import kz.shlyuz.proto.v1.ConsularPermanentStayRequest;
import kz.shlyuz.proto.v1.ExitPermanentResidenceRequest;
import kz.shlyuz.proto.v1.IdDocumentRequest;
import kz.shlyuz.proto.v1.LabourMigrantPermitRequest;
import kz.shlyuz.proto.v1.PreliminaryRefusalObjection;
import kz.shlyuz.proto.v1.ResidenceDeregistrationRequest;
import kz.shlyuz.proto.v1.ResidenceRegistrationRequest;
import kz.shlyuz.proto.v1.TemporaryIdRequest;

/** The services of DESIGN.md by their fixed ids. */
public final class ServiceCatalog {
    private final Map<String, ServiceDefinition> services;

    private ServiceCatalog(List<ServiceDefinition> definitions) {
        this.services = definitions.stream().collect(Collectors.toUnmodifiableMap(ServiceDefinition::id, d -> d));
    }

    public Optional<ServiceDefinition> find(String id) {
        return Optional.ofNullable(services.get(id));
    }

    /** Every service id (metrics tag only these, so callers cannot invent label values). */
    public java.util.Set<String> ids() {
        return services.keySet();
    }

    /** The nine service ids of the regulations (seeds 000–004). */
    public static ServiceCatalog standard() {
        List<ServiceDefinition> all = new ArrayList<>();
        // 004 annex 5: synchronous, answered by ЖТ МДБ for a person or ЗТ МДБ for a legal entity.
        all.add(new ServiceDefinition("ADDRESS_CERTIFICATE", AddressCertificateRequest.class, true,
                typed(AddressCertificateRequest.class, r -> r.getBin().isEmpty()
                        ? Applicants.individuals(r.getIin()) : Applicants.legalEntity(r.getBin())),
                typed(AddressCertificateRequest.class, r -> r.getBin().isEmpty()
                        ? new AgencyCall("gbd-fl", "ADDRESS_LOOKUP", AddressLookup.newBuilder().setIin(r.getIin()).build())
                        : new AgencyCall("gbd-ul", "ADDRESS_LOOKUP", AddressLookup.newBuilder().setBin(r.getBin()).build()))));
        all.add(async("EXIT_PERMANENT_RESIDENCE", ExitPermanentResidenceRequest.class,
                r -> Applicants.individuals(r.getIin())));
        // 001: the applicant's objection to a preliminary refusal arrives as its own signed message.
        all.add(async("CONSULAR_PERMANENT_STAY", ConsularPermanentStayRequest.class,
                r -> Applicants.individuals(r.getIin()))
                .withFollowUp(PreliminaryRefusalObjection.class,
                        typed(PreliminaryRefusalObjection.class, o -> Applicants.individuals(o.getIin()))));
        all.add(async("LABOUR_MIGRANT_PERMIT", LabourMigrantPermitRequest.class,
                r -> Applicants.individuals(r.getMigrantIin())));
        // 003: the extension through the portal carries the migrant's and the employer's signatures.
        all.add(async("LABOUR_MIGRANT_PERMIT_EXTENSION", LabourMigrantPermitRequest.class,
                r -> Applicants.individuals(r.getMigrantIin(), r.getEmployerIin())));
        all.add(async("ID_DOCUMENT", IdDocumentRequest.class, r -> Applicants.individuals(r.getIin())));
        all.add(async("TEMPORARY_ID", TemporaryIdRequest.class, r -> Applicants.individuals(r.getIin())));
        // 004 annex 3: applicant and consenting owner both sign, unless the portal attests the
        // owner's SMS one-time password.
        all.add(async("RESIDENCE_REGISTRATION", ResidenceRegistrationRequest.class,
                r -> r.hasSmsConsent() || r.getOwnerIin().equals(r.getIin()) || r.getOwnerIin().isEmpty()
                        ? Applicants.individuals(r.getIin())
                        : Applicants.individuals(r.getIin(), r.getOwnerIin())));
        // 004 annex 4: on the portal it is the owner who applies.
        all.add(async("RESIDENCE_DEREGISTRATION", ResidenceDeregistrationRequest.class,
                r -> Applicants.individuals(r.getOwnerIin().isEmpty() ? r.getIin() : r.getOwnerIin())));
        return new ServiceCatalog(all);
    }

    private static <T extends Message> ServiceDefinition async(String id, Class<T> type, Function<T, Applicants> applicants) {
        return new ServiceDefinition(id, type, false, typed(type, applicants), null);
    }

    private static <T extends Message, R> Function<Message, R> typed(Class<T> type, Function<T, R> f) {
        return m -> f.apply(type.cast(m));
    }
}
