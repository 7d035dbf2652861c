package kz.shlyuz.adapters.registry;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import kz.shlyuz.proto.v1.MilitaryRegistrationStatus;

/**
 * A person's military registration (әскери есеп) at a defence-affairs office (ҚБ).
 *
 * @param status where the person stands
 * @param officeKk / officeRu the office keeping the record; empty when not registered
 * @param since since when the status holds; empty when not registered
 * @param recordRef the office's reference (personal file or military ID number); may be empty
 */
public record MilitaryRecord(
        MilitaryRegistrationStatus status,
        String officeKk,
        String officeRu,
        Optional<LocalDate> since,
        String recordRef) {

    public MilitaryRecord {
        Objects.requireNonNull(status, "status");
        if (status == MilitaryRegistrationStatus.MILITARY_REGISTRATION_STATUS_UNSPECIFIED
                || status == MilitaryRegistrationStatus.UNRECOGNIZED) {
            throw new IllegalArgumentException("status: " + status + " (expected: a known status)");
        }
        Objects.requireNonNull(officeKk, "officeKk");
        Objects.requireNonNull(officeRu, "officeRu");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(recordRef, "recordRef");
    }

    /**
     * On the military register (in the reserve, or serving): someone leaving for permanent
     * residence hands in the military ID and is taken off it (000 actions 11–12).
     */
    public boolean onTheRegister() {
        return status == MilitaryRegistrationStatus.MILITARY_REGISTRATION_STATUS_REGISTERED || serving();
    }

    /** Compulsory service in progress: a ground to restrict exit until it ends (002 §3.5). */
    public boolean serving() {
        return status == MilitaryRegistrationStatus.MILITARY_REGISTRATION_STATUS_SERVING;
    }
}
