package kz.shlyuz.gateway.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import kz.shlyuz.certs.identity.HolderRole;
import kz.shlyuz.gateway.signature.OcspSettings;

/**
 * Whom signatures are checked against and who may sign what: the trust (folders of CA
 * certificates and CRLs, reloaded when they change, and whether the dev PKI is trusted), what to
 * do when revocation cannot be learnt, and which holder roles (from the national CA's EKU) may
 * sign as an applicant or as an operator.
 *
 * @param trustDirs folders of CA certificates ({@code .crt .cer .pem .der}) and CRLs ({@code .crl})
 * @param devPkiTrust also trust the development PKI's signing hierarchies (RSA, GOST 2004, GOST 2015)
 * @param trustRecheck how often the folders are looked at for changes
 * @param softFailRevocation accept a signer whose revocation status nobody answers for (default
 *     false: refuse with REVOCATION_UNKNOWN)
 * @param roles the default holder roles
 * @param serviceRoles per service id, roles that replace the defaults for that service
 * @param ocsp how signer certificates' revocation is asked of OCSP responders: the one settings
 *     record the verifier takes as it is ({@code trust.ocsp}, {@code bounds.caches.ocsp},
 *     {@code bounds.ocspBreaker}; see {@link OcspConfig})
 */
public record SignerRules(
        List<Path> trustDirs,
        boolean devPkiTrust,
        Duration trustRecheck,
        boolean softFailRevocation,
        Roles roles,
        Map<String, Roles> serviceRoles,
        OcspSettings ocsp) {

    public SignerRules {
        Objects.requireNonNull(ocsp, "ocsp");
        trustDirs = List.copyOf(trustDirs);
        Objects.requireNonNull(trustRecheck, "trustRecheck");
        Objects.requireNonNull(roles, "roles");
        serviceRoles = Collections.unmodifiableMap(new LinkedHashMap<>(serviceRoles));
        if (trustRecheck.isNegative()) {
            throw new IllegalArgumentException("trust.recheck: " + trustRecheck + " (expected: >= 0)");
        }
    }

    /**
     * Which holder roles may sign in each capacity.
     *
     * @param individualApplicant roles of a certificate with the applicant's IIN
     * @param legalEntityApplicant roles of a certificate with the applicant's BIN
     * @param operator roles of an operator of an organisation entitled for the sender
     *     ({@code senders.<id>.operatorBins})
     */
    public record Roles(
            Set<HolderRole> individualApplicant, Set<HolderRole> legalEntityApplicant, Set<HolderRole> operator) {
        public Roles {
            individualApplicant = copy(individualApplicant);
            legalEntityApplicant = copy(legalEntityApplicant);
            operator = copy(operator);
        }

        private static Set<HolderRole> copy(Set<HolderRole> roles) {
            return roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
        }
    }

    /**
     * The national CA's usual rights: individuals sign for themselves, the head or a person with
     * signing right for the entity. No trust at all: the dev PKI only when a configuration says
     * {@code trust.devPki: true}, national CAs only from the folders it names.
     */
    public static SignerRules defaults() {
        return new SignerRules(
                List.of(),
                false,
                Duration.ofSeconds(10),
                false,
                new Roles(
                        EnumSet.of(HolderRole.INDIVIDUAL),
                        EnumSet.of(HolderRole.LEGAL_FIRST_HEAD, HolderRole.LEGAL_SIGNING_RIGHT),
                        EnumSet.of(
                                HolderRole.LEGAL_EMPLOYEE,
                                HolderRole.LEGAL_SIGNING_RIGHT,
                                HolderRole.LEGAL_FIRST_HEAD)),
                Map.of(),
                OcspSettings.defaults());
    }

    /** The roles for {@code serviceId}: its own when configured, else the defaults. */
    public Roles rolesFor(String serviceId) {
        return serviceRoles.getOrDefault(serviceId, roles);
    }

    public SignerRules withTrustDirs(List<Path> dirs) {
        return new SignerRules(dirs, devPkiTrust, trustRecheck, softFailRevocation, roles, serviceRoles, ocsp);
    }

    public SignerRules withServiceRoles(Map<String, Roles> newServiceRoles) {
        return new SignerRules(trustDirs, devPkiTrust, trustRecheck, softFailRevocation, roles, newServiceRoles, ocsp);
    }

    public SignerRules withRoles(Roles newRoles) {
        return new SignerRules(trustDirs, devPkiTrust, trustRecheck, softFailRevocation, newRoles, serviceRoles, ocsp);
    }

    public SignerRules withDevPkiTrust(boolean trusted) {
        return new SignerRules(trustDirs, trusted, trustRecheck, softFailRevocation, roles, serviceRoles, ocsp);
    }

    public SignerRules withOcsp(OcspSettings newOcsp) {
        return new SignerRules(trustDirs, devPkiTrust, trustRecheck, softFailRevocation, roles, serviceRoles, newOcsp);
    }

    public SignerRules withSoftFailRevocation(boolean softFail) {
        return new SignerRules(trustDirs, devPkiTrust, trustRecheck, softFail, roles, serviceRoles, ocsp);
    }

    public SignerRules withTrustRecheck(Duration recheck) {
        return new SignerRules(trustDirs, devPkiTrust, recheck, softFailRevocation, roles, serviceRoles, ocsp);
    }
}
