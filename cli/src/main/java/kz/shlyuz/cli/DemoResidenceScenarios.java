package kz.shlyuz.cli;

import com.google.protobuf.util.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.proto.v1.Address;
import kz.shlyuz.proto.v1.OwnerConsentAttestation;
import kz.shlyuz.proto.v1.ResidenceRegistrationRequest;

/**
 * The demo's residence-registration cases that show the owner's consent (004 annex 3 §5): by SMS
 * one-time password attested by the portal, and a consent from someone the dwelling register does
 * not list as the owner, which is refused.
 */
final class DemoResidenceScenarios {
    /** Owned by Persona.DWELLING_OWNER in the dwelling register; the court debtor lives there. */
    static final Address TOLE_BI_101_9 = Address.newBuilder()
            .setKatoCode("751110000")
            .setRegion("Алматы қаласы")
            .setDistrict("Алмалы ауданы")
            .setLocality("Алматы")
            .setStreet("Төле би көшесі")
            .setBuilding("101")
            .setApartment("9")
            .setCountry("KZ")
            .build();

    /** Owned by Persona.DWELLING_OWNER in the dwelling register. */
    static final Address ABAI_10_5 = Address.newBuilder()
            .setKatoCode("751110000")
            .setRegion("Алматы қаласы")
            .setDistrict("Алмалы ауданы")
            .setLocality("Алматы")
            .setStreet("Абай даңғылы")
            .setBuilding("10")
            .setApartment("5")
            .setCountry("KZ")
            .build();

    private DemoResidenceScenarios() {}

    static List<DemoScenarios.Scenario> consent() {
        String owner = Persona.DWELLING_OWNER.iin().value();
        ResidenceRegistrationRequest sms = ResidenceRegistrationRequest.newBuilder()
                .setIin(Persona.CONVICTED.iin().value())
                .setAddress(ABAI_10_5)
                .setOwnerIin(owner)
                .setSmsConsent(OwnerConsentAttestation.newBuilder()
                        .setOwnerIin(owner)
                        .setPhone("+77011234567")
                        .setApplicantPhone("+77027654321")
                        .setAddress(ABAI_10_5)
                        // One consent serves one case: a fresh OTP exchange id per demo run.
                        .setOtpTransactionId("otp-demo-" + UUID.randomUUID())
                        .setConfirmedAt(Timestamps.fromMillis(Instant.now().toEpochMilli())))
                .build();
        ResidenceRegistrationRequest notOwner = ResidenceRegistrationRequest.newBuilder()
                .setIin(Persona.CLEAN.iin().value())
                .setAddress(ABAI_10_5)
                .setOwnerIin(Persona.EMPLOYER.iin().value())
                .build();
        return List.of(
                new DemoScenarios.Scenario(
                        "RESIDENCE_REGISTRATION via the portal, the owner consents by SMS (the portal attests it)",
                        "egov-portal",
                        "RESIDENCE_REGISTRATION",
                        sms,
                        List.of(Persona.CONVICTED.key()),
                        "APPROVED",
                        Persona.DWELLING_OWNER,
                        false),
                new DemoScenarios.Scenario(
                        "RESIDENCE_REGISTRATION via the portal, a consent by someone the dwelling register does not list as owner",
                        "egov-portal",
                        "RESIDENCE_REGISTRATION",
                        notOwner,
                        List.of(Persona.CLEAN.key(), Persona.EMPLOYER.key()),
                        "REFUSED",
                        Persona.CLEAN,
                        false));
    }
}
