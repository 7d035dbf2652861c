package kz.shlyuz.certs.pki;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import kz.shlyuz.certs.agency.Agency;
import kz.shlyuz.certs.agency.Signatory;
import kz.shlyuz.certs.gost.GostAlgorithm;
import kz.shlyuz.certs.identity.Employee;
import kz.shlyuz.certs.identity.NcaOids;
import kz.shlyuz.certs.identity.Organisation;
import kz.shlyuz.certs.identity.Persona;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * Who the dev PKI issues an end-entity certificate to, and with what: every persona (signing and
 * authentication), the employees, the signing agencies and ministries, a TLS identity per system,
 * the test certificates with one named defect each, and the GOST twins of the people. The
 * generator ({@link DevPkiGenerator}) turns these plans into keys, certificates and files.
 */
final class IdentityPlans {
    /** Which CA issues an end entity. */
    enum Parent {
        INTERMEDIATE,
        TLS_CA,
        UNKNOWN_CA,
        GOST2004,
        GOST2015
    }

    /** What one end entity gets; {@code gost} is its key's algorithm, or null for RSA. */
    record Plan(
            String name,
            Role role,
            String iin,
            String bin,
            String system,
            X500Name subject,
            CertificateProfile profile,
            Parent parent,
            boolean expired,
            boolean revoked,
            GostAlgorithm gost) {
        Plan(
                String name,
                Role role,
                String iin,
                String bin,
                String system,
                X500Name subject,
                CertificateProfile profile,
                Parent parent,
                boolean expired,
                boolean revoked) {
            this(name, role, iin, bin, system, subject, profile, parent, expired, revoked, null);
        }

        Plan withGost(String suffix, Parent gostParent, GostAlgorithm algorithm) {
            return new Plan(
                    name + suffix, role, iin, bin, system, subject, profile, gostParent, expired, revoked, algorithm);
        }
    }

    /** An agency signing certificate: who it names and which BIN it carries. */
    private record SigningIdentity(String name, String commonName, Organisation organisation, String system) {}

    /**
     * The ministries that sign answers, the gateway, then every agency of the registry (an agency
     * without an Organisation of its own borrows its ministry's BIN: the CN names it).
     */
    private static final List<SigningIdentity> AGENCIES = Stream.of(
                    Arrays.stream(Signatory.values())
                            .map(s -> new SigningIdentity(
                                    s.identity(), s.organisation().title(), s.organisation(), null)),
                    Stream.of(new SigningIdentity(
                            "agency-gateway",
                            "Электрондық үкімет шлюзі (Shlyuz)",
                            Organisation.GATEWAY_OPERATOR,
                            "gateway")),
                    Arrays.stream(Agency.values())
                            .map(a ->
                                    new SigningIdentity(a.signingIdentity(), a.commonName(), a.organisation(), a.id())))
            .flatMap(s -> s)
            .toList();

    private IdentityPlans() {}

    /** Every end entity, RSA first, then the GOST ones (a lookup by IIN finds the RSA one first). */
    static List<Plan> all() {
        List<Plan> plans = new ArrayList<>();
        for (Persona persona : Persona.values()) {
            X500Name subject = SubjectNames.individual(
                    persona.surname(), persona.givenName(), persona.patronymic(), persona.iin());
            String iin = persona.iin().value();
            plans.add(new Plan(
                    persona.key(),
                    Role.CITIZEN,
                    iin,
                    null,
                    null,
                    subject,
                    CertificateProfile.individualSigning(),
                    Parent.INTERMEDIATE,
                    false,
                    false));
            plans.add(new Plan(
                    persona.key() + DevPki.AUTH_SUFFIX,
                    Role.CITIZEN,
                    iin,
                    null,
                    null,
                    subject,
                    CertificateProfile.individualAuthentication(),
                    Parent.INTERMEDIATE,
                    false,
                    false));
        }
        plans.add(employee(Employee.HKKO_OPERATOR, Role.OPERATOR, "hkko"));
        plans.add(employee(Employee.CONSULAR_OFFICER, Role.OFFICER, "burkit"));
        for (SigningIdentity agency : AGENCIES) {
            plans.add(new Plan(
                    agency.name(),
                    Role.AGENCY,
                    null,
                    agency.organisation().bin().value(),
                    agency.system(),
                    SubjectNames.agency(agency.commonName(), agency.organisation()),
                    CertificateProfile.legalSigning(NcaOids.HOLDER_LEGAL_SIGNING_RIGHT),
                    Parent.INTERMEDIATE,
                    false,
                    false));
        }
        for (String system : DevPki.SYSTEMS) {
            plans.add(new Plan(
                    DevPki.TLS_PREFIX + system,
                    Role.SYSTEM,
                    null,
                    null,
                    system,
                    SubjectNames.devSystem(system),
                    CertificateProfile.tls(system),
                    Parent.TLS_CA,
                    false,
                    false));
        }
        // Each test certificate is the clean citizen's in every respect but its one named defect.
        Persona clean = Persona.CLEAN;
        X500Name cleanSubject =
                SubjectNames.individual(clean.surname(), clean.givenName(), clean.patronymic(), clean.iin());
        String cleanIin = clean.iin().value();
        plans.add(new Plan(
                "test-revoked",
                Role.TEST,
                cleanIin,
                null,
                null,
                cleanSubject,
                CertificateProfile.individualSigning(),
                Parent.INTERMEDIATE,
                false,
                true));
        plans.add(new Plan(
                "test-expired",
                Role.TEST,
                cleanIin,
                null,
                null,
                cleanSubject,
                CertificateProfile.individualSigning(),
                Parent.INTERMEDIATE,
                true,
                false));
        plans.add(new Plan(
                "test-unknown-ca",
                Role.TEST,
                cleanIin,
                null,
                null,
                cleanSubject,
                CertificateProfile.individualSigning(),
                Parent.UNKNOWN_CA,
                false,
                false));
        // GOST signing identities, after the RSA ones (a lookup by IIN finds the RSA one first):
        // every persona and both employees in GOST 2004 and GOST 2015-512, the clean citizen also in
        // GOST 2015-256, and a revoked GOST 2015 certificate.
        List<Plan> gost = new ArrayList<>();
        for (Plan plan : plans) {
            boolean person = plan.role() == Role.CITIZEN || plan.role() == Role.OPERATOR || plan.role() == Role.OFFICER;
            if (person && !plan.name().endsWith(DevPki.AUTH_SUFFIX)) {
                gost.add(plan.withGost(DevPkiGenerator.GOST2004_SUFFIX, Parent.GOST2004, GostAlgorithm.GOST2004));
                gost.add(plan.withGost(DevPkiGenerator.GOST2015_SUFFIX, Parent.GOST2015, GostAlgorithm.GOST2015_512));
            }
            if (plan.name().equals(clean.key())) {
                gost.add(plan.withGost(
                        DevPkiGenerator.GOST2015_256_SUFFIX, Parent.GOST2015, GostAlgorithm.GOST2015_256));
            }
            if (plan.name().equals("test-revoked")) {
                gost.add(plan.withGost(DevPkiGenerator.GOST2015_SUFFIX, Parent.GOST2015, GostAlgorithm.GOST2015_512));
            }
        }
        plans.addAll(gost);
        return plans;
    }

    private static Plan employee(Employee employee, Role role, String system) {
        return new Plan(
                employee.key(),
                role,
                employee.iin().value(),
                employee.employer().bin().value(),
                system,
                SubjectNames.employee(
                        employee.surname(),
                        employee.givenName(),
                        employee.patronymic(),
                        employee.iin(),
                        employee.employer()),
                CertificateProfile.legalSigning(NcaOids.HOLDER_LEGAL_EMPLOYEE),
                Parent.INTERMEDIATE,
                false,
                false);
    }
}
