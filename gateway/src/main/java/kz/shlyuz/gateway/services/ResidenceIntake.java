package kz.shlyuz.gateway.services;

import com.google.protobuf.Message;
import com.google.protobuf.util.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import kz.shlyuz.certs.identity.CheckDigit;
import kz.shlyuz.certs.identity.Iin;
import kz.shlyuz.gateway.status.Reason;
import kz.shlyuz.gateway.status.Refusal;
import kz.shlyuz.proto.v1.OwnerConsentAttestation;
import kz.shlyuz.proto.v1.ResidenceDeregistrationRequest;
import kz.shlyuz.proto.v1.ResidenceRegistrationRequest;
import kz.shlyuz.proto.v1.ResidentStatus;

/**
 * The intake rules of residence registration and deregistration (004 annexes 3 and 4): who may
 * apply through which channel, and what the owner's consent must carry. What the registers say
 * (the dwelling exists, the consenting person owns it, the court decision) is checked by the
 * process's first stage; these rules need no register.
 *
 * <p><b>Reading of 004 annex 3 §5 (the owner's consent).</b> The portal request is certified by
 * the applicant's EDS and the EDS of the owner who consents, or by an SMS one-time password when
 * both persons' mobile numbers are registered on the portal. The gateway reads it as:
 *
 * <ul>
 *   <li>The owner is always named ({@code owner_iin}); an applicant who owns the dwelling names
 *       themself and signs alone. Nobody else's request is accepted without the owner's consent.
 *   <li>The SMS exchange happens between the portal and the two persons, so the attestation is
 *       the portal's word: it is accepted only from the portal's TLS identity, never from the State
 *       Corporation (whose operator sees the owner in person).
 *   <li>The attestation must name the owner the request names (not the applicant), both mobile
 *       numbers (distinct, E.164: the seed requires both to be registered), the same dwelling, a
 *       confirmation at most {@link #SMS_CONSENT_VALIDITY} before the request arrived (an OTP is
 *       short-lived; 15 minutes is the portal's usual OTP lifetime, the seed gives none) and not
 *       after it, and an OTP exchange id that no earlier case used (checked with the case's own
 *       transaction, {@link #otpOf}).
 * </ul>
 *
 * <p><b>Reading of 004 annex 3 §2 / annex 4 §2.</b> Permanently resident foreigners and stateless
 * persons apply only through the State Corporation; refugees through the provider itself, which is
 * not a channel of this gateway.
 *
 * <p><b>Reading of 004 annex 4 §2(1), §4 (deregistration).</b> The portal accepts only the owner's
 * application to deregister another person whose right of use a court ended; a person leaving for
 * permanent residence abroad applies in person at the State Corporation.
 */
public final class ResidenceIntake {
    /** How long before the request the owner's SMS confirmation may lie. */
    static final Duration SMS_CONSENT_VALIDITY = Duration.ofMinutes(15);

    /** Clock skew tolerated between the portal and the gateway. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private static final String PHONE = "\\+7\\d{10}";

    private ResidenceIntake() {}

    /** The registration's intake rule. */
    static IntakeRule registration() {
        return new IntakeRule() {
            @Override
            public void check(String sender, Message body) {
                checkRegistration(
                        sender,
                        (ResidenceRegistrationRequest) body,
                        Clock.systemUTC().instant());
            }

            @Override
            public void check(String sender, Message body, IntakeTime at) {
                Instant received = at.received();
                checkRegistration(sender, (ResidenceRegistrationRequest) body, received);
            }
        };
    }

    /** The deregistration's intake rule. */
    static IntakeRule deregistration() {
        return (sender, body) -> checkDeregistration(sender, (ResidenceDeregistrationRequest) body);
    }

    static void checkRegistration(String sender, ResidenceRegistrationRequest r, Instant received) {
        stateCorporationOnly(sender, r.getApplicantStatus());
        if (!r.hasAddress() || r.getAddress().getKatoCode().isEmpty()) {
            throw new Refusal(Reason.BODY_INVALID, "address");
        }
        if (r.getOwnerIin().isEmpty()) {
            throw new Refusal(Reason.RESIDENCE_OWNER_CONSENT_MISSING, "owner_iin");
        }
        validIin(r.getOwnerIin());
        if (!r.hasSmsConsent()) {
            return; // the owner's signature (or the applicant who owns it) is required by applicants()
        }
        OwnerConsentAttestation a = r.getSmsConsent();
        if (!Sender.EGOV_PORTAL.id().equals(sender)) {
            throw invalid("sms_consent ← " + sender);
        }
        if (r.getOwnerIin().equals(r.getIin())) {
            throw invalid("owner_iin = iin");
        }
        if (!a.getOwnerIin().equals(r.getOwnerIin())) {
            throw invalid("sms_consent.owner_iin ≠ owner_iin");
        }
        if (!a.getPhone().matches(PHONE)) {
            throw invalid("sms_consent.phone");
        }
        if (!a.getApplicantPhone().matches(PHONE) || a.getApplicantPhone().equals(a.getPhone())) {
            throw invalid("sms_consent.applicant_phone");
        }
        if (!a.hasAddress() || !a.getAddress().equals(r.getAddress())) {
            throw invalid("sms_consent.address ≠ address");
        }
        if (!a.hasConfirmedAt()) {
            throw invalid("sms_consent.confirmed_at");
        }
        Instant confirmed = Instant.ofEpochMilli(Timestamps.toMillis(a.getConfirmedAt()));
        if (confirmed.isAfter(received.plus(CLOCK_SKEW)) || confirmed.isBefore(received.minus(SMS_CONSENT_VALIDITY))) {
            throw invalid("sms_consent.confirmed_at > " + SMS_CONSENT_VALIDITY.toMinutes() + " min");
        }
        String otp = a.getOtpTransactionId();
        if (otp.isBlank() || otp.length() > 128) {
            throw invalid("sms_consent.otp_transaction_id");
        }
    }

    static void checkDeregistration(String sender, ResidenceDeregistrationRequest r) {
        stateCorporationOnly(sender, r.getPersonStatus());
        boolean byOwner = byOwner(r);
        if (Sender.EGOV_PORTAL.id().equals(sender) && !byOwner) {
            throw new Refusal(Reason.DEREGISTRATION_OWNER_APPLICATION_ONLY, "ground");
        }
        if (!byOwner) {
            return;
        }
        if (r.getOwnerIin().isEmpty() || r.getOwnerIin().equals(r.getIin())) {
            throw new Refusal(Reason.DEREGISTRATION_OWNER_APPLICATION_ONLY, "owner_iin");
        }
        validIin(r.getIin());
        if (r.getCourtDecisionRef().isBlank() || r.getCourtDecisionRef().length() > 64) {
            throw new Refusal(Reason.DEREGISTRATION_COURT_DECISION_MISSING, "court_decision_ref");
        }
        if (!r.hasAddress() || r.getAddress().getKatoCode().isEmpty()) {
            throw new Refusal(Reason.DEREGISTRATION_COURT_DECISION_MISSING, "address");
        }
    }

    /**
     * True for the owner's application after a court ended the person's right of use; false for
     * the person's own application on leaving for abroad. An unspecified ground reads from
     * whether an owner applies.
     */
    static boolean byOwner(ResidenceDeregistrationRequest r) {
        return switch (r.getGround()) {
            case DEREGISTRATION_GROUND_COURT_ENDED_RIGHT_OF_USE -> true;
            case DEREGISTRATION_GROUND_LEFT_FOR_PERMANENT_RESIDENCE_ABROAD -> false;
            default -> !r.getOwnerIin().isEmpty();
        };
    }

    /** True when a registration's applicant alone signs: the owner applies, or consented by SMS. */
    static boolean applicantSignsAlone(ResidenceRegistrationRequest r) {
        return r.getOwnerIin().isEmpty() || r.getOwnerIin().equals(r.getIin()) || r.hasSmsConsent();
    }

    /**
     * The OTP exchange id a registration's consent used, which no other case may use again;
     * empty for any other request.
     */
    public static Optional<String> otpOf(Message body) {
        return body instanceof ResidenceRegistrationRequest r && r.hasSmsConsent()
                ? Optional.of(r.getSmsConsent().getOtpTransactionId())
                : Optional.empty();
    }

    private static void stateCorporationOnly(String sender, ResidentStatus status) {
        boolean foreigner = status == ResidentStatus.RESIDENT_STATUS_PERMANENT_RESIDENT_FOREIGNER
                || status == ResidentStatus.RESIDENT_STATUS_STATELESS;
        if (foreigner && !Sender.HKKO.id().equals(sender)) {
            throw new Refusal(Reason.RESIDENCE_STATE_CORPORATION_ONLY, sender);
        }
    }

    /** A second person's IIN that admission did not check (they need not sign). */
    private static void validIin(String iin) {
        if (!CheckDigit.holds(iin)) {
            throw new Refusal(Reason.IIN_INVALID, Iin.mask(iin));
        }
    }

    private static Refusal invalid(String detail) {
        return new Refusal(Reason.RESIDENCE_SMS_CONSENT_INVALID, detail);
    }
}
