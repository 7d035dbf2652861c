package kz.shlyuz.certs.pki;

import java.util.Locale;

/** What an identity of the dev PKI is for; its {@link #json()} name is used in index.json and as its folder. */
public enum Role {
    /** A citizen's signing or authentication certificate. */
    CITIZEN,
    /** A State Corporation front-office operator's signing certificate. */
    OPERATOR,
    /** A consular officer's signing certificate. */
    OFFICER,
    /** An agency's (or the gateway's) legal-entity signing certificate. */
    AGENCY,
    /** A system's mutual-TLS certificate. */
    SYSTEM,
    /** A certification authority. */
    CA,
    /** A certificate with one deliberate defect (revoked, expired, unknown issuer). */
    TEST;

    /** Lower-case name used in index.json. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role whose {@link #json()} is {@code value}. */
    public static Role ofJson(String value) {
        for (Role role : values()) {
            if (role.json().equals(value)) {
                return role;
            }
        }
        throw new IllegalArgumentException(
                "role: " + value + " (expected: one of citizen, operator, officer, agency," + " system, ca, test)");
    }
}
