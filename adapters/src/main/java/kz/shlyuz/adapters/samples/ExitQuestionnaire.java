package kz.shlyuz.adapters.samples;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import kz.shlyuz.adapters.registry.DocumentRegister;
import kz.shlyuz.adapters.registry.FixtureLoader;
import kz.shlyuz.adapters.registry.IdentityDocumentRecord;
import kz.shlyuz.adapters.registry.Residence;
import kz.shlyuz.adapters.registry.ResidenceRegister;
import kz.shlyuz.certs.identity.Iin;
import kz.shlyuz.proto.v1.Address;
import kz.shlyuz.proto.v1.ChildLeaving;
import kz.shlyuz.proto.v1.Date;
import kz.shlyuz.proto.v1.DocumentKind;
import kz.shlyuz.proto.v1.ExitPermanentResidenceRequest;
import kz.shlyuz.proto.v1.IdentityDocumentRef;
import kz.shlyuz.proto.v1.IdentityDocumentStatus;
import kz.shlyuz.proto.v1.PersonName;
import kz.shlyuz.proto.v1.Place;

/**
 * The questionnaire of 002 annex 1 as someone the development registers hold would truthfully
 * fill it in: the name and address from ЖТ МДБ ({@code gbd-fl}), the date of birth from the IIN,
 * the valid ID card and passport from ХҚТ ТП АЖ ({@code mvd-docs}), the warning of liability
 * acknowledged, leaving for Germany. Callers change what their scenario needs.
 */
public final class ExitQuestionnaire {
    private static final ResidenceRegister RESIDENCES = ResidenceRegister.read(FixtureLoader.load("gbd-fl"));
    private static final DocumentRegister DOCUMENTS = DocumentRegister.read(FixtureLoader.load("mvd-docs"));

    private ExitQuestionnaire() {}

    /**
     * The filled questionnaire of {@code iin}, dated {@code on}.
     *
     * @throws IllegalArgumentException when ЖТ МДБ does not hold the person
     */
    public static ExitPermanentResidenceRequest.Builder of(String iin, LocalDate on) {
        Iin person = new Iin(iin);
        Residence residence = RESIDENCES
                .find(person)
                .orElseThrow(() -> new IllegalArgumentException("gbd-fl holds no " + person.masked()));
        ExitPermanentResidenceRequest.Builder b = ExitPermanentResidenceRequest.newBuilder()
                .setIin(iin)
                .setName(name(residence))
                .setBirthDate(date(person.birthDate().orElseThrow()))
                .setBirthPlace(Place.newBuilder()
                        .setCountry("KZ")
                        .setRegion(residence.address().region())
                        .setLocality(residence.address().locality()))
                .setDestinationCountry("DE")
                .setCurrentAddress(address(residence))
                .setFalseDataWarningAcknowledged(true)
                .setApplicationDate(date(on));
        // The ID card is required: the latest valid one, else the latest issued (a lost one is still theirs).
        valid(person, DocumentKind.DOCUMENT_KIND_ID_CARD)
                .or(() -> latest(person, DocumentKind.DOCUMENT_KIND_ID_CARD))
                .ifPresent(b::setIdCard);
        valid(person, DocumentKind.DOCUMENT_KIND_PASSPORT).ifPresent(b::setPassport);
        return b;
    }

    /** The row of annex 1's children table for a child the registers hold, with {@code children_iins}. */
    public static ExitPermanentResidenceRequest.Builder withChild(
            ExitPermanentResidenceRequest.Builder b, String iin, String consentRef, String opinionRef) {
        Iin child = new Iin(iin);
        Residence residence = RESIDENCES
                .find(child)
                .orElseThrow(() -> new IllegalArgumentException("gbd-fl holds no " + child.masked()));
        return b.addChildrenIins(iin)
                .addChildren(ChildLeaving.newBuilder()
                        .setIin(iin)
                        .setName(name(residence))
                        .setBirthDate(date(child.birthDate().orElseThrow()))
                        .setConsentRef(consentRef)
                        .setOpinionRef(opinionRef));
    }

    private static Optional<IdentityDocumentRef> valid(Iin person, DocumentKind kind) {
        List<IdentityDocumentRecord> documents = DOCUMENTS.find(person).orElse(List.of());
        return documents.stream()
                .filter(d -> d.kind() == kind && d.status() == IdentityDocumentStatus.IDENTITY_DOCUMENT_STATUS_VALID)
                .max(Comparator.comparing(IdentityDocumentRecord::issuedOn))
                .map(d -> IdentityDocumentRef.newBuilder()
                        .setNumber(d.number())
                        .setIssuedOn(date(d.issuedOn()))
                        .build());
    }

    private static Optional<IdentityDocumentRef> latest(Iin person, DocumentKind kind) {
        return DOCUMENTS.find(person).orElse(List.of()).stream()
                .filter(d -> d.kind() == kind)
                .max(Comparator.comparing(IdentityDocumentRecord::issuedOn))
                .map(d -> IdentityDocumentRef.newBuilder()
                        .setNumber(d.number())
                        .setIssuedOn(date(d.issuedOn()))
                        .build());
    }

    private static PersonName name(Residence residence) {
        return PersonName.newBuilder()
                .setSurname(residence.name().surname())
                .setGivenName(residence.name().givenName())
                .setPatronymic(residence.name().patronymic())
                .build();
    }

    private static Address address(Residence residence) {
        var a = residence.address();
        return Address.newBuilder()
                .setKatoCode(a.kato())
                .setRegion(a.region())
                .setDistrict(a.district())
                .setLocality(a.locality())
                .setStreet(a.street())
                .setBuilding(a.building())
                .setApartment(a.apartment())
                .setCountry("KZ")
                .build();
    }

    static Date date(LocalDate d) {
        return Date.newBuilder()
                .setYear(d.getYear())
                .setMonth(d.getMonthValue())
                .setDay(d.getDayOfMonth())
                .build();
    }
}
