package kz.shlyuz.gateway.console.auth;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The console's roles (issue 14.1). Every role reads with IINs masked; beyond that each has one
 * job, so that no single account both acts and reviews the actions.
 */
public enum Role {
    /** Reads, IINs masked. */
    OBSERVER(EnumSet.of(Permission.READ)),
    /** Reads; resends and stops deliveries, switches maintenance. */
    OPERATOR(EnumSet.of(Permission.READ, Permission.OPERATE)),
    /** Reads; the audit log, trust and the configuration view. */
    SECURITY(EnumSet.of(Permission.READ, Permission.SECURITY)),
    /** Reads; full IIN look-up and evidence export. */
    AUDITOR(EnumSet.of(Permission.READ, Permission.UNMASK, Permission.EXPORT_EVIDENCE));

    private final Set<Permission> grants;

    Role(Set<Permission> grants) {
        this.grants = grants;
    }

    public boolean may(Permission permission) {
        return grants.contains(permission);
    }

    /** The name used in configuration, the accounts file and the audit log. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role named {@code id} in configuration ({@code observer}, {@code operator}, …). */
    public static Role of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
