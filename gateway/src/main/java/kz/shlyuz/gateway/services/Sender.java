package kz.shlyuz.gateway.services;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The front-end systems of DESIGN.md by their fixed ids (the CN of their TLS client certificates). */
public enum Sender {
    /** The egov portal (ЭҮП, egov.kz). */
    EGOV_PORTAL("egov-portal"),
    /** The State Corporation's front office (ХҚКО БАЖ). */
    HKKO("hkko"),
    /** The "Бүркіт" unified information system. */
    BURKIT("burkit");

    private static final Map<String, Sender> BY_ID =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Sender::id, Function.identity()));

    private final String id;

    Sender(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The sender with this id. */
    public static Optional<Sender> named(String id) {
        return Optional.ofNullable(id == null ? null : BY_ID.get(id));
    }
}
