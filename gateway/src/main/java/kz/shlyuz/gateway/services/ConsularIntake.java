package kz.shlyuz.gateway.services;

import com.google.protobuf.Message;
import java.time.LocalDate;
import kz.shlyuz.gateway.status.Reason;
import kz.shlyuz.gateway.status.Refusal;
import kz.shlyuz.proto.v1.ConsularPermanentStayRequest;
import kz.shlyuz.proto.v1.Date;
import kz.shlyuz.proto.v1.Sex;

/**
 * The grounds of 001 annex 3 line 9 whose source is the request itself, checked on Submit:
 *
 * <ul>
 *   <li>ground 3, no consent to access restricted personal data (annex 1's closing paragraph):
 *       {@code restricted_data_consent} unset → {@link Reason#PERSONAL_DATA_CONSENT_MISSING};
 *   <li>ground 1, data found unreliable: the date of birth and the sex the form states must be
 *       those the IIN encodes (its first six digits are the date, the seventh the century and
 *       sex), the one contradiction the gateway can establish without another register →
 *       {@link Reason#APPLICANT_DATA_UNRELIABLE};
 *   <li>ground 2, the applicant or materials do not meet the Rules: the service is for citizens
 *       of Kazakhstan leaving it, so a stated citizenship other than KZ, or a destination in
 *       Kazakhstan, does not meet §1–§3 → {@link Reason#REQUIREMENTS_NOT_MET}.
 * </ul>
 *
 * Grounds 4–6 (a negative answer or check, a court's ban or verdict) come from the agencies'
 * registers in the case's steps. The details name fields and values only, in no one language.
 */
final class ConsularIntake {
    private ConsularIntake() {}

    static void check(String sender, Message body) {
        if (!(body instanceof ConsularPermanentStayRequest r)) {
            return; // a follow-up: checked by the process engine against its case
        }
        if (!r.getRestrictedDataConsent()) {
            throw new Refusal(Reason.PERSONAL_DATA_CONSENT_MISSING, "restricted_data_consent = false");
        }
        String iin = r.getIin();
        if (r.hasBirthDate()) {
            LocalDate encoded = birthDate(iin);
            Date d = r.getBirthDate();
            if (encoded == null
                    || encoded.getYear() != d.getYear()
                    || encoded.getMonthValue() != d.getMonth()
                    || encoded.getDayOfMonth() != d.getDay()) {
                throw new Refusal(
                        Reason.APPLICANT_DATA_UNRELIABLE,
                        "birth_date " + d.getYear() + "-" + two(d.getMonth()) + "-" + two(d.getDay()) + " ≠ IIN "
                                + (encoded == null ? "?" : encoded));
            }
        }
        if (r.getSex() != Sex.SEX_UNSPECIFIED && iin.length() == 12) {
            boolean male = (iin.charAt(6) - '0') % 2 == 1;
            if (male != (r.getSex() == Sex.SEX_MALE)) {
                throw new Refusal(
                        Reason.APPLICANT_DATA_UNRELIABLE, "sex " + r.getSex().name() + " ≠ IIN");
            }
        }
        if (!r.getCitizenship().isEmpty() && !r.getCitizenship().equals("KZ")) {
            throw new Refusal(Reason.REQUIREMENTS_NOT_MET, "citizenship " + r.getCitizenship() + " ≠ KZ");
        }
        if (r.getGoingTo().getCountry().equals("KZ")) {
            throw new Refusal(Reason.REQUIREMENTS_NOT_MET, "going_to.country = KZ");
        }
    }

    /** The date of birth an IIN encodes; null when its digits name no date. */
    static LocalDate birthDate(String iin) {
        if (iin == null || iin.length() != 12 || !iin.chars().allMatch(Character::isDigit)) {
            return null;
        }
        int century = switch (iin.charAt(6)) {
            case '1', '2' -> 1800;
            case '3', '4' -> 1900;
            case '5', '6' -> 2000;
            default -> -1;
        };
        if (century < 0) {
            return null;
        }
        try {
            return LocalDate.of(
                    century + Integer.parseInt(iin.substring(0, 2)),
                    Integer.parseInt(iin.substring(2, 4)),
                    Integer.parseInt(iin.substring(4, 6)));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}
