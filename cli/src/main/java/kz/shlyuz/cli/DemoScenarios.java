package kz.shlyuz.cli;

import com.google.protobuf.Message;
import java.util.ArrayList;
import java.util.List;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.proto.v1.Address;
import kz.shlyuz.proto.v1.ConsularPermanentStayRequest;
import kz.shlyuz.proto.v1.DocumentKind;
import kz.shlyuz.proto.v1.IdDocumentRequest;
import kz.shlyuz.proto.v1.IssueReason;
import kz.shlyuz.proto.v1.LabourMigrantPermitRequest;
import kz.shlyuz.proto.v1.Place;
import kz.shlyuz.proto.v1.PreliminaryRefusalObjection;
import kz.shlyuz.proto.v1.ResidenceDeregistrationRequest;
import kz.shlyuz.proto.v1.ResidenceRegistrationRequest;
import kz.shlyuz.proto.v1.TemporaryIdRequest;
import kz.shlyuz.proto.v1.Urgency;

/** The cases {@code ./shlyuz demo} submits: the fixture personas through the eight services, and how each must end. */
final class DemoScenarios {
    private DemoScenarios() {}

    /** One demo case: who submits what, signed by whom, and how it must end. */
    record Scenario(
            String title,
            String sender,
            String service,
            Message body,
            List<String> signers,
            String expected,
            Persona reader,
            boolean object) {}

    /** Every demo case, in the order they are submitted and printed. */
    static List<Scenario> all() {
        List<Scenario> all = new ArrayList<>();
        for (Persona p : List.of(Persona.CLEAN, Persona.TAX_DEBTOR, Persona.STATE_SECRETS, Persona.COURT_DEBTOR)) {
            all.add(new Scenario(
                    "EXIT_PERMANENT_RESIDENCE, " + p.key() + " at the State Corporation",
                    "hkko",
                    "EXIT_PERMANENT_RESIDENCE",
                    kz.shlyuz.adapters.samples.ExitQuestionnaire.of(
                                    p.iin().value(),
                                    java.time.LocalDate.now(kz.shlyuz.gateway.calendar.KazakhstanCalendar.ZONE))
                            .build(),
                    List.of("hkko-operator"),
                    p == Persona.CLEAN ? "APPROVED" : "REFUSED",
                    null,
                    false));
        }
        all.add(consular(Persona.CLEAN, "APPROVED", false, ""));
        all.add(consular(Persona.CONVICTED, "REFUSED", true, ", objects to the preliminary refusal"));
        all.add(consular(Persona.WANTED, "REFUSED", false, ", no objection within 2 working days"));
        all.add(consular(
                Persona.COURT_DEBTOR,
                "APPROVED",
                true,
                ", objects with the bailiff's order: internal affairs changes the decision"));
        for (Persona p : List.of(Persona.CLEAN, Persona.WANTED)) {
            all.add(new Scenario(
                    "LABOUR_MIGRANT_PERMIT, migrant " + p.key(),
                    "hkko",
                    "LABOUR_MIGRANT_PERMIT",
                    LabourMigrantPermitRequest.newBuilder()
                            .setMigrantIin(p.iin().value())
                            .setCitizenship("UZ")
                            .setPassportNumber("FA1234567")
                            .setMonths(6)
                            .setProtectedDataConsent(true)
                            .build(),
                    List.of("hkko-operator"),
                    p == Persona.CLEAN ? "APPROVED" : "REFUSED",
                    null,
                    false));
        }
        all.add(new Scenario(
                "LABOUR_MIGRANT_PERMIT_EXTENSION via the portal, migrant + employer sign",
                "egov-portal",
                "LABOUR_MIGRANT_PERMIT_EXTENSION",
                LabourMigrantPermitRequest.newBuilder()
                        .setMigrantIin(Persona.CLEAN.iin().value())
                        .setEmployerIin(Persona.EMPLOYER.iin().value())
                        .setCitizenship("UZ")
                        .setMonths(6)
                        .setProtectedDataConsent(true)
                        .setPermitNumber("WP-2026-000001")
                        .build(),
                List.of(Persona.CLEAN.key(), Persona.EMPLOYER.key()),
                "APPROVED",
                Persona.CLEAN,
                false));
        // Issue 11.3: the same service read in the second party's cabinet. The migrant is refused
        // for a conviction; the employer sees that the case exists and that it was refused, not why.
        all.add(new Scenario(
                "LABOUR_MIGRANT_PERMIT_EXTENSION, convicted migrant, as the employer reads it",
                "egov-portal",
                "LABOUR_MIGRANT_PERMIT_EXTENSION",
                LabourMigrantPermitRequest.newBuilder()
                        .setMigrantIin(Persona.CONVICTED.iin().value())
                        .setEmployerIin(Persona.EMPLOYER.iin().value())
                        .setCitizenship("UZ")
                        .setMonths(6)
                        .setProtectedDataConsent(true)
                        .setPermitNumber("WP-2026-000002")
                        .build(),
                List.of(Persona.CONVICTED.key(), Persona.EMPLOYER.key()),
                "REFUSED",
                Persona.EMPLOYER,
                false));
        all.add(id(Persona.CLEAN, Urgency.URGENCY_CATEGORY_1, "APPROVED"));
        all.add(id(Persona.CONVICTED, Urgency.URGENCY_GENERAL, "APPROVED"));
        all.add(id(Persona.WANTED, Urgency.URGENCY_CATEGORY_3, "REFUSED"));
        all.add(new Scenario(
                "ID_DOCUMENT via the portal for a lost card (portal takes only a type change)",
                "egov-portal",
                "ID_DOCUMENT",
                IdDocumentRequest.newBuilder()
                        .setIin(Persona.CLEAN.iin().value())
                        .setKind(DocumentKind.DOCUMENT_KIND_ID_CARD)
                        .setUrgency(Urgency.URGENCY_GENERAL)
                        .setReason(IssueReason.ISSUE_REASON_LOST)
                        .build(),
                List.of(Persona.CLEAN.key()),
                "PORTAL_REASON_NOT_ACCEPTED",
                Persona.CLEAN,
                false));
        all.add(new Scenario(
                "TEMPORARY_ID, " + Persona.COURT_DEBTOR.key(),
                "hkko",
                "TEMPORARY_ID",
                TemporaryIdRequest.newBuilder()
                        .setIin(Persona.COURT_DEBTOR.iin().value())
                        .setReason("ID card replaced")
                        .build(),
                List.of("hkko-operator"),
                "APPROVED",
                null,
                false));
        all.add(new Scenario(
                "RESIDENCE_REGISTRATION via the portal, applicant + owner sign",
                "egov-portal",
                "RESIDENCE_REGISTRATION",
                ResidenceRegistrationRequest.newBuilder()
                        .setIin(Persona.TAX_DEBTOR.iin().value())
                        .setOwnerIin(Persona.DWELLING_OWNER.iin().value())
                        .setAddress(Address.newBuilder()
                                .setKatoCode("751110000")
                                .setRegion("Алматы қ.")
                                .setLocality("Алматы")
                                .setStreet("Абай даңғылы")
                                .setBuilding("10")
                                .setApartment("5")
                                .setCountry("KZ"))
                        .build(),
                List.of(Persona.TAX_DEBTOR.key(), Persona.DWELLING_OWNER.key()),
                "APPROVED",
                Persona.TAX_DEBTOR,
                false));
        all.addAll(DemoResidenceScenarios.consent());
        all.add(new Scenario(
                "RESIDENCE_DEREGISTRATION via the portal on the owner's application with the court decision",
                "egov-portal",
                "RESIDENCE_DEREGISTRATION",
                ResidenceDeregistrationRequest.newBuilder()
                        .setIin(Persona.COURT_DEBTOR.iin().value())
                        .setOwnerIin(Persona.DWELLING_OWNER.iin().value())
                        .setCourtDecisionRef("2-1234/2026")
                        .setAddress(DemoResidenceScenarios.TOLE_BI_101_9)
                        .build(),
                List.of(Persona.DWELLING_OWNER.key()),
                "APPROVED",
                Persona.DWELLING_OWNER,
                false));
        return all;
    }

    private static Scenario consular(Persona p, String expected, boolean object, String note) {
        return new Scenario(
                "CONSULAR_PERMANENT_STAY, " + p.key() + " via Бүркіт" + note,
                "burkit",
                "CONSULAR_PERMANENT_STAY",
                ConsularPermanentStayRequest.newBuilder()
                        .setIin(p.iin().value())
                        .setConsulate("Генконсульство РК во Франкфурте-на-Майне")
                        .setGoingTo(Place.newBuilder().setCountry("DE").setLocality("Frankfurt"))
                        .setDepartingFrom(Address.newBuilder().setRegion("Алматы қаласы"))
                        .setRestrictedDataConsent(true) // 001 annex 1; without it the Submit is refused
                        .build(),
                List.of("consular-officer"),
                expected,
                null,
                object);
    }

    /**
     * The applicant's objection to a preliminary refusal (001 §11): its reasons and the materials
     * the consulate received with it, by persona (the court debtor brings the bailiff's order).
     */
    static PreliminaryRefusalObjection objection(Persona p, String caseId) {
        PreliminaryRefusalObjection.Builder b = PreliminaryRefusalObjection.newBuilder()
                .setCaseId(caseId)
                .setIin(p.iin().value());
        if (p == Persona.COURT_DEBTOR) {
            return b.setReasons("Атқарушылық іс тоқтатылды / Исполнительное производство прекращено")
                    .addMaterialRefs("bailiff-order-7511-25-00-2-1843.pdf")
                    .build();
        }
        return b.setReasons("Жаза өтелді, қайта қарауды сұраймын / Наказание отбыто, прошу пересмотреть")
                .build();
    }

    private static Scenario id(Persona p, Urgency urgency, String expected) {
        return new Scenario(
                "ID_DOCUMENT, " + p.key() + ", "
                        + urgency.name().replace("URGENCY_", "").toLowerCase(java.util.Locale.ROOT),
                "hkko",
                "ID_DOCUMENT",
                IdDocumentRequest.newBuilder()
                        .setIin(p.iin().value())
                        .setKind(DocumentKind.DOCUMENT_KIND_PASSPORT)
                        .setUrgency(urgency)
                        .setReason(IssueReason.ISSUE_REASON_EXPIRED)
                        .build(),
                List.of("hkko-operator"),
                expected,
                null,
                false);
    }
}
