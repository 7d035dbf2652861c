package kz.shlyuz.gateway.services;

import kz.shlyuz.certs.agency.Agency;
import kz.shlyuz.proto.v1.AddressCertificateRequest;
import kz.shlyuz.proto.v1.AddressLookup;

/**
 * 8. Address certificate (004 annex 5). Synchronous; answered by ЖТ МДБ for a person or ЗТ МДБ
 * for a legal entity; the certificate carries the signatures of MVD and the Ministry of Justice
 * (the agency registry names them as the answers' signers).
 */
final class AddressCertificate {
    private AddressCertificate() {}

    static ServiceDefinition define() {
        return ServiceDefinition.builder(Service.ADDRESS_CERTIFICATE, AddressCertificateRequest.class)
                .title("Мекенжай анықтамасы", "Адресная справка")
                .senders(Sender.EGOV_PORTAL, Sender.HKKO)
                .applicants(r ->
                        r.getBin().isEmpty() ? Applicants.individuals(r.getIin()) : Applicants.legalEntity(r.getBin()))
                .answeredBy(r -> r.getBin().isEmpty()
                        ? new AgencyCall(
                                Agency.GBD_FL,
                                "ADDRESS_LOOKUP",
                                AddressLookup.newBuilder().setIin(r.getIin()).build())
                        : new AgencyCall(
                                Agency.GBD_UL,
                                "ADDRESS_LOOKUP",
                                AddressLookup.newBuilder().setBin(r.getBin()).build()))
                .build();
    }
}
