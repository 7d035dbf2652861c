package kz.shlyuz.certs.identity;

/**
 * Who a certificate's holder is, as the national CA encodes it in the extended key usage
 * ({@link NcaOids}).
 */
public enum HolderRole {
    /** {@code 1.2.398.3.3.4.1.1}: a private individual. */
    INDIVIDUAL,
    /** {@code 1.2.398.3.3.4.1.2.1}: the first head of a legal entity. */
    LEGAL_FIRST_HEAD,
    /** {@code 1.2.398.3.3.4.1.2.2}: a person with the right to sign for a legal entity. */
    LEGAL_SIGNING_RIGHT,
    /** {@code 1.2.398.3.3.4.1.2.3}: a person with the right of financial signature. */
    LEGAL_FINANCIAL,
    /** {@code 1.2.398.3.3.4.1.2.4}: a human-resources officer. */
    LEGAL_HR,
    /** {@code 1.2.398.3.3.4.1.2.5}: an employee of a legal entity. */
    LEGAL_EMPLOYEE,
    /** {@code 1.2.398.3.3.4.1.2} without a sub-role (or only a legal-entity certificate policy). */
    LEGAL_ENTITY,
    /** None of the national CA's holder markers. */
    UNKNOWN;

    /** True for every legal-entity role, with or without a sub-role. */
    public boolean legalEntity() {
        return this != INDIVIDUAL && this != UNKNOWN;
    }
}
