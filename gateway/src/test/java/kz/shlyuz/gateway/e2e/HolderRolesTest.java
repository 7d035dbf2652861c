package kz.shlyuz.gateway.e2e;

import static kz.shlyuz.gateway.e2e.Assertions.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.shlyuz.certs.identity.Employee;
import kz.shlyuz.certs.identity.HolderRole;
import kz.shlyuz.certs.identity.Organisation;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.client.Refusals;
import kz.shlyuz.client.RequestBuilder;
import kz.shlyuz.gateway.config.SignerRules;
import kz.shlyuz.proto.v1.AddressCertificate;
import kz.shlyuz.proto.v1.AddressCertificateRequest;
import kz.shlyuz.proto.v1.ResponseContent;
import kz.shlyuz.proto.v1.SignedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Who may sign what, by the holder role in the certificate, as the configuration says. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HolderRolesTest {
    private static final String PORTAL = "egov-portal";
    private final String stateCorporation = Organisation.STATE_CORPORATION.bin().value();
    private GatewayEnvironment defaults;
    private GatewayEnvironment configured;

    @BeforeAll
    void start() throws Exception {
        defaults = new GatewayEnvironment();
        // Employees may sign the address certificate for their own organisation; operators must be first heads.
        configured = new GatewayEnvironment(Set.of("gbd-fl", "gbd-ul"), c -> {
            SignerRules rules = c.signerRules();
            SignerRules.Roles address = new SignerRules.Roles(
                    rules.roles().individualApplicant(),
                    EnumSet.of(HolderRole.LEGAL_FIRST_HEAD, HolderRole.LEGAL_SIGNING_RIGHT, HolderRole.LEGAL_EMPLOYEE),
                    EnumSet.of(HolderRole.LEGAL_FIRST_HEAD));
            return c.withSignerRules(rules.withServiceRoles(Map.of("ADDRESS_CERTIFICATE", address)));
        });
    }

    @AfterAll
    void stop() {
        defaults.close();
        configured.close();
    }

    private static SignedRequest request(GatewayEnvironment env, String sender, String iin, String bin, String signer) {
        AddressCertificateRequest body = AddressCertificateRequest.newBuilder()
                .setIin(iin == null ? "" : iin)
                .setBin(bin == null ? "" : bin)
                .build();
        return env.requests.sign(
                RequestBuilder.content(sender, "ADDRESS_CERTIFICATE", body, env.clock.instant()),
                List.of(env.pki.signerKey(signer)));
    }

    @Test
    void refusesAnEmployeeSigningForTheirEntityWhereHeadOrSigningRightIsNeeded() {
        Refusals.Refused refused = assertRefused(
                Status.Code.PERMISSION_DENIED,
                "SIGNER_ROLE_NOT_ALLOWED",
                () -> defaults.client(PORTAL).call(request(defaults, PORTAL, null, stateCorporation, "hkko-operator")));
        assertTrue(refused.russian().contains("LEGAL_EMPLOYEE"), refused.russian());
    }

    @Test
    void acceptsAnEmployeeForTheirEntityWhereTheServiceConfigurationAllowsIt() throws Exception {
        var response = configured
                .client(PORTAL)
                .call(request(configured, PORTAL, null, stateCorporation, "hkko-operator-gost2015"));
        assertEquals(
                stateCorporation,
                ResponseContent.parseFrom(response.getContent())
                        .getBody()
                        .unpack(AddressCertificate.class)
                        .getSubjectId());
    }

    @Test
    void refusesALegalEntityCertificateForAnIndividualsOwnRequest() {
        String operatorIin = Employee.HKKO_OPERATOR.iin().value();
        assertRefused(
                Status.Code.PERMISSION_DENIED,
                "SIGNER_ROLE_NOT_ALLOWED",
                () -> defaults.client(PORTAL).call(request(defaults, PORTAL, operatorIin, null, "hkko-operator")));
    }

    @Test
    void refusesAnOperatorWhoseBinIsNotTheStateCorporations() {
        Refusals.Refused refused = assertRefused(
                Status.Code.PERMISSION_DENIED,
                "OPERATOR_NOT_ENTITLED",
                () -> defaults.client("hkko")
                        .call(request(defaults, "hkko", Persona.CLEAN.iin().value(), null, "agency-mvd")));
        assertTrue(
                refused.russian().contains(Organisation.INTERNAL_AFFAIRS.bin().value()), refused.russian());
        assertTrue(refused.russian().contains(stateCorporation), refused.russian());
    }

    @Test
    void refusesAStateCorporationOperatorInARoleTheServiceDoesNotAllowOperators() {
        assertRefused(
                Status.Code.PERMISSION_DENIED,
                "SIGNER_ROLE_NOT_ALLOWED",
                () -> configured
                        .client("hkko")
                        .call(request(configured, "hkko", Persona.CLEAN.iin().value(), null, "hkko-operator")));
    }

    @Test
    void stateCorporationOperatorSignsForTheApplicantByDefault() throws Exception {
        var response = defaults.client("hkko")
                .call(request(defaults, "hkko", Persona.CLEAN.iin().value(), null, "hkko-operator"));
        assertEquals(
                Persona.CLEAN.iin().value(),
                ResponseContent.parseFrom(response.getContent())
                        .getBody()
                        .unpack(AddressCertificate.class)
                        .getSubjectId());
    }
}
