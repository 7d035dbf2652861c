package kz.shlyuz.gateway.console.auth;

/**
 * Who is asking: an authenticated account, and the address it came from (for the audit log).
 *
 * @param remote the client's IP address
 */
public record Principal(String username, Role role, String remote) {
    public boolean may(Permission permission) {
        return role.may(permission);
    }
}
