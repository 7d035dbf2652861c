package kz.shlyuz.certs.agency;

import kz.shlyuz.certs.identity.Organisation;

/**
 * A ministry that signs some agencies' answers with its own signing certificate: the address
 * certificate carries the signatures of MVD and the Ministry of Justice (004 annex 5).
 */
public enum Signatory {
    /** ҚР Ішкі істер министрлігі. */
    INTERNAL_AFFAIRS("agency-mvd", Organisation.INTERNAL_AFFAIRS),
    /** ҚР Әділет министрлігі. */
    JUSTICE("agency-moj", Organisation.JUSTICE);

    private final String identity;
    private final Organisation organisation;

    Signatory(String identity, Organisation organisation) {
        this.identity = identity;
        this.organisation = organisation;
    }

    /** The dev PKI's signing identity, e.g. {@code agency-mvd}. */
    public String identity() {
        return identity;
    }

    /** The organisation whose BIN (and title, as CN) its certificate carries. */
    public Organisation organisation() {
        return organisation;
    }
}
