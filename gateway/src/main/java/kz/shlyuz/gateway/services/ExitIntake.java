package kz.shlyuz.gateway.services;

import com.google.protobuf.Message;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kz.shlyuz.certs.identity.Iin;
import kz.shlyuz.gateway.status.Reason;
import kz.shlyuz.gateway.status.Refusal;
import kz.shlyuz.proto.v1.ChildLeaving;
import kz.shlyuz.proto.v1.Date;
import kz.shlyuz.proto.v1.EmploymentRecord;
import kz.shlyuz.proto.v1.ExitPermanentResidenceRequest;
import kz.shlyuz.proto.v1.IdentityDocumentRef;
import kz.shlyuz.proto.v1.PersonName;

/**
 * What the migration police unit checks when it accepts the questionnaire of 002 annex 1 (002
 * §5, §6: the documents are filled in correctly) and the ages of 002 §4, before a case opens.
 * Refusals name the field (never its value): {@code BODY_INVALID} for a missing or malformed
 * field, {@code APPLICANT_UNDER_AGE}, {@code CHILD_CONSENT_MISSING}, {@code CHILD_OPINION_MISSING}.
 *
 * <p>Ages are counted on the questionnaire's date, which must be a day of the last month up to
 * the day of intake: the regulation dates the questionnaire, and a case's checks must not change
 * with the day they are read (002 §10's children of 14 and older are fixed by it).
 */
final class ExitIntake implements IntakeRule {
    /** 002 §4: the age from which one applies. */
    static final int ADULT = 18;

    /** 002 §4: the age from which a married person applies. */
    static final int MARRIED_ADULT = 16;

    /** 002 §4 and §10: from 14 a child leaves only with consent, and is checked like the applicant. */
    static final int CONSENTS = 14;

    /** 002 §4: from 10 the child's opinion must be taken into account. */
    static final int HEARD = 10;

    private static final String ID_CARD = "\\d{9}";
    private static final String PASSPORT = "N\\d{8}";
    private static final String PHONE = "\\+\\d{7,15}";
    private static final String COUNTRY = "[A-Z]{2}";

    @Override
    public void check(String sender, Message body) {
        ExitPermanentResidenceRequest r = (ExitPermanentResidenceRequest) body;
        Iin applicant = iin(r.getIin(), "iin");
        name(r.getName(), "name");
        for (int i = 0; i < r.getOtherNamesCount(); i++) {
            name(r.getOtherNames(i), "other_names[" + i + "]");
        }
        birthDate(r.hasBirthDate(), r.getBirthDate(), applicant, "birth_date");
        if (!r.getBirthPlace().getCountry().matches(COUNTRY)
                || r.getBirthPlace().getLocality().isBlank()) {
            throw invalid("birth_place (country and locality)");
        }
        if (!r.getDestinationCountry().matches(COUNTRY)
                || r.getDestinationCountry().equals("KZ")) {
            throw invalid("destination_country (ISO 3166-1 alpha-2, not KZ)");
        }
        if (!r.hasCurrentAddress()
                || r.getCurrentAddress().getLocality().isBlank()
                || r.getCurrentAddress().getStreet().isBlank()) {
            throw invalid("current_address (locality and street)");
        }
        phone(r.getHomePhone(), "home_phone");
        phone(r.getWorkPhone(), "work_phone");
        for (int i = 0; i < r.getEmploymentCount(); i++) {
            EmploymentRecord e = r.getEmployment(i);
            if (e.getFromYear() < 1900
                    || (e.getUntilYear() != 0 && e.getUntilYear() < e.getFromYear())
                    || e.getOrganisation().isBlank()
                    || e.getPosition().isBlank()) {
                throw invalid("employment[" + i + "]");
            }
        }
        if (!r.hasIdCard()) {
            throw invalid("id_card");
        }
        document(r.getIdCard(), ID_CARD, "id_card");
        if (r.hasPassport()) {
            document(r.getPassport(), PASSPORT, "passport");
        }
        if (!r.getFalseDataWarningAcknowledged()) {
            throw invalid("false_data_warning_acknowledged");
        }
        if (!r.hasApplicationDate() || date(r.getApplicationDate()).isEmpty()) {
            throw invalid("application_date");
        }
        children(r, applicant);
    }

    @Override
    public void check(String sender, Message body, IntakeTime at) {
        LocalDate today = at.today();
        check(sender, body);
        ExitPermanentResidenceRequest r = (ExitPermanentResidenceRequest) body;
        LocalDate on = date(r.getApplicationDate()).orElseThrow();
        if (on.isAfter(today) || on.isBefore(today.minusMonths(1))) {
            throw invalid("application_date (within the last month)");
        }
        int age = age(new Iin(r.getIin()), on);
        if (age < MARRIED_ADULT || (age < ADULT && !r.getMarried())) {
            // The detail is the rule that applies, never the applicant's age.
            throw new Refusal(Reason.APPLICANT_UNDER_AGE, (r.getMarried() ? MARRIED_ADULT : ADULT) + "+");
        }
        for (int i = 0; i < r.getChildrenCount(); i++) {
            ChildLeaving child = r.getChildren(i);
            int childAge = age(new Iin(child.getIin()), on);
            if (childAge >= ADULT) {
                throw invalid("children[" + i + "] (18 or older: applies on their own)");
            }
            if (childAge >= CONSENTS && child.getConsentRef().isBlank()) {
                throw new Refusal(Reason.CHILD_CONSENT_MISSING, "children[" + i + "].consent_ref");
            }
            if (childAge >= HEARD
                    && childAge < CONSENTS
                    && child.getOpinionRef().isBlank()) {
                throw new Refusal(Reason.CHILD_OPINION_MISSING, "children[" + i + "].opinion_ref");
            }
        }
    }

    /**
     * The IINs of the children to check as applicants (002 §10: 14 and older on the
     * questionnaire's date), in the order of {@code children_iins}. Without a readable date every
     * listed child is checked: checking one too many never lets a barred person leave.
     */
    static List<String> childrenToCheck(ExitPermanentResidenceRequest r) {
        Optional<LocalDate> on = r.hasApplicationDate() ? date(r.getApplicationDate()) : Optional.empty();
        List<String> checked = new ArrayList<>();
        for (String iin : r.getChildrenIinsList()) {
            Optional<LocalDate> born = Iin.isValid(iin) ? new Iin(iin).birthDate() : Optional.empty();
            if (on.isEmpty()
                    || born.isEmpty()
                    || Period.between(born.get(), on.get()).getYears() >= CONSENTS) {
                checked.add(iin);
            }
        }
        return checked;
    }

    private static void children(ExitPermanentResidenceRequest r, Iin applicant) {
        Set<String> listed = new HashSet<>();
        for (int i = 0; i < r.getChildrenIinsCount(); i++) {
            Iin child = iin(r.getChildrenIins(i), "children_iins[" + i + "]");
            if (child.equals(applicant) || !listed.add(child.value())) {
                throw invalid("children_iins[" + i + "] (the applicant or listed twice)");
            }
        }
        Set<String> rows = new HashSet<>();
        for (int i = 0; i < r.getChildrenCount(); i++) {
            ChildLeaving child = r.getChildren(i);
            String at = "children[" + i + "]";
            if (!listed.contains(child.getIin()) || !rows.add(child.getIin())) {
                throw invalid(at + ".iin (one row per IIN of children_iins)");
            }
            name(child.getName(), at + ".name");
            birthDate(child.hasBirthDate(), child.getBirthDate(), new Iin(child.getIin()), at + ".birth_date");
            if (!child.getPassportNumber().isEmpty()
                    && !child.getPassportNumber().matches(PASSPORT)) {
                throw invalid(at + ".passport_number");
            }
        }
        if (!rows.equals(listed)) {
            throw invalid("children (one row per IIN of children_iins)");
        }
    }

    private static Iin iin(String value, String field) {
        if (!Iin.isValid(value)) {
            throw new Refusal(Reason.IIN_INVALID, field);
        }
        return new Iin(value);
    }

    private static void name(PersonName name, String field) {
        if (name.getSurname().isBlank() || name.getGivenName().isBlank()) {
            throw invalid(field + " (surname and given name)");
        }
    }

    /** The declared date of birth must be there and be the one the IIN encodes. */
    private static void birthDate(boolean present, Date declared, Iin iin, String field) {
        Optional<LocalDate> d = present ? date(declared) : Optional.empty();
        if (d.isEmpty() || !d.equals(iin.birthDate())) {
            throw invalid(field + " (the date the IIN gives)");
        }
    }

    private static void phone(String phone, String field) {
        if (!phone.isEmpty() && !phone.matches(PHONE)) {
            throw invalid(field + " (E.164)");
        }
    }

    private static void document(IdentityDocumentRef ref, String pattern, String field) {
        if (!ref.getNumber().matches(pattern)) {
            throw invalid(field + ".number");
        }
        if (!ref.hasIssuedOn() || date(ref.getIssuedOn()).isEmpty()) {
            throw invalid(field + ".issued_on");
        }
    }

    private static int age(Iin iin, LocalDate on) {
        return iin.birthDate()
                .map(born -> Period.between(born, on).getYears())
                .orElseThrow(() -> invalid("iin (no date of birth)"));
    }

    static Optional<LocalDate> date(Date d) {
        try {
            return Optional.of(LocalDate.of(d.getYear(), d.getMonth(), d.getDay()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Refusal invalid(String field) {
        return new Refusal(Reason.BODY_INVALID, field);
    }
}
