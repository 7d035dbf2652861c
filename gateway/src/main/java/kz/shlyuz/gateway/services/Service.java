package kz.shlyuz.gateway.services;

import java.util.function.Supplier;

/**
 * The nine services of DESIGN.md by their fixed ids, each pointing at its one definition (a file
 * of this package named after it). Adding a service means a constant here, its definition file,
 * its body message in the proto and the adapter operations its steps ask for.
 */
public enum Service {
    ADDRESS_CERTIFICATE(AddressCertificate::define),
    EXIT_PERMANENT_RESIDENCE(ExitPermanentResidence::define),
    CONSULAR_PERMANENT_STAY(ConsularPermanentStay::define),
    LABOUR_MIGRANT_PERMIT(LabourMigrantPermit::issue),
    LABOUR_MIGRANT_PERMIT_EXTENSION(LabourMigrantPermit::extension),
    ID_DOCUMENT(IdDocument::define),
    TEMPORARY_ID(TemporaryId::define),
    RESIDENCE_REGISTRATION(ResidenceRegistration::define),
    RESIDENCE_DEREGISTRATION(ResidenceDeregistration::define);

    private final Supplier<ServiceDefinition> definition;

    Service(Supplier<ServiceDefinition> definition) {
        this.definition = definition;
    }

    /** The wire id, as {@code RequestContent.service_id} carries it. */
    public String id() {
        return name();
    }

    /** Builds the definition; {@link Services} does so once per registry. */
    ServiceDefinition define() {
        ServiceDefinition d = definition.get();
        if (d.service() != this) {
            throw new IllegalStateException(this + " is defined as " + d.service());
        }
        return d;
    }
}
