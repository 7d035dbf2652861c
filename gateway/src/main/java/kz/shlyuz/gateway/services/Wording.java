package kz.shlyuz.gateway.services;

import java.util.Objects;

/**
 * One sentence for people, in Kazakh and Russian, that a service definition gives the texts
 * (where to collect a result, what a case asks of a second party).
 */
public record Wording(String kk, String ru) {
    public Wording {
        Objects.requireNonNull(kk, "kk");
        Objects.requireNonNull(ru, "ru");
    }
}
