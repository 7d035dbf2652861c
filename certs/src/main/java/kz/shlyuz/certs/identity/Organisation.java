package kz.shlyuz.certs.identity;

/**
 * Legal entities of the development environment: the front offices whose employees sign, and
 * the agencies whose signing certificates carry their BIN. BINs are made the way the register
 * makes them (YYMM, type 4 = resident legal entity, attribute, serial, check digit).
 */
public enum Organisation {
    /** "Азаматтарға арналған үкімет" мемлекеттік корпорациясы — the State Corporation (ХҚКО). */
    STATE_CORPORATION("\"Азаматтарға арналған үкімет\" мемлекеттік корпорациясы", "1604400", 716),
    /** ҚР Сыртқы істер министрлігі — Ministry of Foreign Affairs (consulates, Бүркіт users). */
    FOREIGN_AFFAIRS("ҚР Сыртқы істер министрлігі", "9604400", 121),
    /** ҚР Ішкі істер министрлігі — Ministry of Internal Affairs. */
    INTERNAL_AFFAIRS("ҚР Ішкі істер министрлігі", "9612400", 233),
    /** ҚР Әділет министрлігі — Ministry of Justice. */
    JUSTICE("ҚР Әділет министрлігі", "9703400", 345),
    /** Shlyuz, the gateway operator. */
    GATEWAY_OPERATOR("\"Шлюз\" ЖШС", "2411400", 457);

    private final String title;
    private final Bin bin;

    Organisation(String title, String prefix7, int serial) {
        this.title = title;
        this.bin = issueBin(prefix7, serial);
    }

    static Bin issueBin(String prefix7, int serial) {
        for (int s = serial; ; s = (s + 1) % 10_000) {
            String first11 = prefix7 + String.format("%04d", s);
            if (CheckDigit.compute(first11) >= 0) {
                return new Bin(CheckDigit.complete(first11));
            }
        }
    }

    public String title() {
        return title;
    }

    public Bin bin() {
        return bin;
    }
}
