package kz.shlyuz.adapters;

import java.util.List;
import kz.shlyuz.certs.agency.Agency;

/**
 * The agency information systems Shlyuz routes to, as the adapters look them up by short name
 * (which is also their TLS CN and the suffix of their signing identities {@code agency-<name>}).
 * A view of the agency registry, {@link Agency}, where each agency is declared once.
 */
public final class Agencies {
    private Agencies() {}

    /** The adapter names (eleven), the same list and order as {@code DevPki.ADAPTERS}. */
    public static List<String> names() {
        return Agency.ids();
    }

    /** The loopback port an adapter listens on by default: 9101 for gbd-fl … 9111 for monitoring. */
    public static int defaultPort(String agency) {
        return Agency.require(agency).defaultPort();
    }

    /** The agency's full name in Kazakh. */
    public static String titleKk(String agency) {
        return Agency.require(agency).titleKk();
    }

    /** The agency's full name in Russian. */
    public static String titleRu(String agency) {
        return Agency.require(agency).titleRu();
    }

    /** True when {@code agency} is one of {@link #names()}. */
    public static boolean isKnown(String agency) {
        return Agency.named(agency).isPresent();
    }
}
