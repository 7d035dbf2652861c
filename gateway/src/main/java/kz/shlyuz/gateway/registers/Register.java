package kz.shlyuz.gateway.registers;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import kz.shlyuz.gateway.services.Service;

/**
 * A register the regulations require, by its name on the command line.
 *
 * @param id the name {@code ./shlyuz registers export --register} takes
 * @param service the service whose cases it records
 * @param seed where the regulation requires it
 * @param keeper who keeps it and may export it (docs/regulations/records.md)
 */
public enum Register {
    /** 002 §19, annex 3: every exit case, numbered in order of registration. */
    EXIT_CASES(
            "exit-cases",
            Service.EXIT_PERMANENT_RESIDENCE,
            "002 §19, 3-қосымша / прил. 3",
            "Шығу істерін есепке алу кітабы",
            "Книга учёта выездных дел",
            "the migration police unit (ҚАІІО) that keeps the exit files"),
    /** 001 §13, annex 5: every citizen granted permanent stay, numbered in order of notification. */
    CONSULAR_JOURNAL(
            "consular-journal",
            Service.CONSULAR_PERMANENT_STAY,
            "001 §13, 5-қосымша / прил. 5",
            "Тұрақты тұруға шығуға рұқсат алған азаматтарды есепке алу журналы",
            "Журнал учёта граждан, получивших разрешение на выезд на ПМЖ",
            "the consulate's officer responsible for the journal");

    private final String id;
    private final Service service;
    private final String seed;
    private final String titleKk;
    private final String titleRu;
    private final String keeper;

    Register(String id, Service service, String seed, String titleKk, String titleRu, String keeper) {
        this.id = id;
        this.service = service;
        this.seed = seed;
        this.titleKk = titleKk;
        this.titleRu = titleRu;
        this.keeper = keeper;
    }

    public String id() {
        return id;
    }

    public Service service() {
        return service;
    }

    public String seed() {
        return seed;
    }

    public String titleKk() {
        return titleKk;
    }

    public String titleRu() {
        return titleRu;
    }

    /** Who keeps the register and may export it. */
    public String keeper() {
        return keeper;
    }

    /** The register named {@code id}. */
    public static Optional<Register> named(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }

    /** Every register's name, in order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(Register::id).toList();
    }
}
