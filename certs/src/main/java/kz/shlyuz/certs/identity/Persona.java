package kz.shlyuz.certs.identity;

import java.time.LocalDate;

/**
 * The fixture citizens of the development environment. The dev PKI issues each of them a
 * signing and an authentication certificate; the agency adapters hold their records (addresses,
 * debts, convictions …) under the same IIN, so each persona drives one path through the services.
 */
public enum Persona {
    /** Nothing on record anywhere: every service approves. */
    CLEAN("aidar-clean", "ЖАНИБЕКОВ", "АЙДАР", "СЕРИКҰЛЫ", LocalDate.of(1990, 3, 14), true, 1234),
    /** Owes tax (СД): exit for permanent residence is refused. */
    TAX_DEBTOR("bota-tax-debtor", "ОМАРОВА", "БОТАГӨЗ", "ЕРЛАНҚЫЗЫ", LocalDate.of(1985, 7, 2), false, 2345),
    /** Has a conviction on record (ҚСжАЕК). */
    CONVICTED("serik-convicted", "ТОКАЕВ", "СЕРІК", "БОЛАТҰЛЫ", LocalDate.of(1979, 11, 23), true, 3456),
    /** Is on the wanted-persons list (ҚСжАЕК). */
    WANTED("dana-wanted", "ИСМАИЛОВА", "ДАНА", "МАРАТҚЫЗЫ", LocalDate.of(1994, 1, 30), false, 4567),
    /** Is a debtor in court-acts enforcement (САОД). */
    COURT_DEBTOR("erlan-court-debtor", "СЕЙТОВ", "ЕРЛАН", "АСҚАРҰЛЫ", LocalDate.of(1982, 5, 9), true, 5678),
    /** Holds state secrets (ҰҚК): exit is temporarily restricted. */
    STATE_SECRETS("gulnara-state-secrets", "ЖАКУПОВА", "ГҮЛНАР", "ТАЛҒАТҚЫЗЫ", LocalDate.of(1975, 9, 17), false, 6789),
    /** Owns a flat others register at: consents to residence registration. */
    DWELLING_OWNER("asel-owner", "БЕКОВА", "ӘСЕЛ", "НҰРЛАНҚЫЗЫ", LocalDate.of(1968, 12, 1), false, 7890),
    /** Employs a labour migrant in the household: co-signs the permit extension. */
    EMPLOYER("nurlan-employer", "ҚАСЫМОВ", "НҰРЛАН", "ОРАЗҰЛЫ", LocalDate.of(1980, 4, 21), true, 8901);

    private final String key;
    private final String surname;
    private final String givenName;
    private final String patronymic;
    private final LocalDate birthDate;
    private final boolean male;
    private final Iin iin;

    Persona(
            String key,
            String surname,
            String givenName,
            String patronymic,
            LocalDate birthDate,
            boolean male,
            int serial) {
        this.key = key;
        this.surname = surname;
        this.givenName = givenName;
        this.patronymic = patronymic;
        this.birthDate = birthDate;
        this.male = male;
        this.iin = issueIin(birthDate, male, serial);
    }

    /**
     * An IIN as the register issues it: YYMMDD, the century-and-sex digit (3 male / 4 female for
     * the 20th century, 5 / 6 for the 21st), a four-digit serial and the check digit. Serials
     * whose digits admit no check digit are skipped, as the register does.
     */
    static Iin issueIin(LocalDate birthDate, boolean male, int serial) {
        int centuryDigit = (birthDate.getYear() < 2000 ? 3 : 5) + (male ? 0 : 1);
        String prefix = String.format(
                "%02d%02d%02d%d",
                birthDate.getYear() % 100, birthDate.getMonthValue(), birthDate.getDayOfMonth(), centuryDigit);
        for (int s = serial; ; s = (s + 1) % 10_000) {
            String first11 = prefix + String.format("%04d", s);
            if (CheckDigit.compute(first11) >= 0) {
                return new Iin(CheckDigit.complete(first11));
            }
        }
    }

    /** Identity name in the dev PKI (its signing certificate); the authentication one adds "-auth". */
    public String key() {
        return key;
    }

    public String surname() {
        return surname;
    }

    public String givenName() {
        return givenName;
    }

    public String patronymic() {
        return patronymic;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public boolean male() {
        return male;
    }

    public Iin iin() {
        return iin;
    }
}
