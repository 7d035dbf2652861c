package kz.shlyuz.gateway.async;

import java.time.Instant;
import java.time.LocalDate;
import kz.shlyuz.adapters.samples.ExitQuestionnaire;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.gateway.calendar.KazakhstanCalendar;
import kz.shlyuz.proto.v1.ExitPermanentResidenceRequest;

/**
 * Complete and truthful 002 annex 1 questionnaires for tests, dated on the first day of
 * {@link AsyncEnvironment}'s process clock (or on another day, for a gateway on another clock).
 */
public final class ExitRequests {
    /** The day {@link AsyncEnvironment#START} falls on in Kazakhstan. */
    public static final LocalDate START_DAY = day(AsyncEnvironment.START);

    private ExitRequests() {}

    /** The questionnaire of {@code p}, leaving for Germany, dated {@link #START_DAY}. */
    public static ExitPermanentResidenceRequest of(Persona p) {
        return of(p.iin().value());
    }

    /** The questionnaire of the person the fixtures hold under {@code iin}, dated {@link #START_DAY}. */
    public static ExitPermanentResidenceRequest of(String iin) {
        return ExitQuestionnaire.of(iin, START_DAY).build();
    }

    /** As {@link #of(String)}, leaving for {@code country}, dated {@code on}. */
    public static ExitPermanentResidenceRequest of(String iin, String country, LocalDate on) {
        return ExitQuestionnaire.of(iin, on).setDestinationCountry(country).build();
    }

    /** The day {@code at} falls on in Kazakhstan. */
    public static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, KazakhstanCalendar.ZONE);
    }
}
