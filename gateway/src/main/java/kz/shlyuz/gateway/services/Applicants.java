package kz.shlyuz.gateway.services;

import java.util.List;

/**
 * Who must sign a request: each listed individual (by IIN) and, for a legal entity's request, an
 * employee of the entity (by BIN); or instead an operator entitled to act for the sending system.
 */
public record Applicants(List<String> iins, String bin) {
    public Applicants {
        iins = List.copyOf(iins);
        bin = bin == null || bin.isEmpty() ? null : bin;
    }

    public static Applicants individuals(String... iins) {
        return new Applicants(List.of(iins), null);
    }

    public static Applicants legalEntity(String bin) {
        return new Applicants(List.of(), bin);
    }
}
