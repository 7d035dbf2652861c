package kz.shlyuz.gateway.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Internal;
import com.google.protobuf.Message;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kz.shlyuz.certs.agency.Agency;
import kz.shlyuz.gateway.calendar.Term;
import kz.shlyuz.gateway.status.Reason;
import kz.shlyuz.gateway.status.Refusal;
import kz.shlyuz.proto.v1.AddressCertificateRequest;
import kz.shlyuz.proto.v1.IdDocumentRequest;
import kz.shlyuz.proto.v1.IssueReason;
import kz.shlyuz.proto.v1.Urgency;
import org.junit.jupiter.api.Test;

/** The service registry: one definition per fixed id, each naming only what the agency registry declares. */
class ServicesTest {
    private static final Services SERVICES = Services.standard();

    @Test
    void definesEveryServiceIdOfDesignMdExactlyOnce() throws IOException {
        List<String> fixed = designServiceIds();
        assertEquals(9, fixed.size(), "DESIGN.md's fixed list: " + fixed);
        List<String> defined =
                SERVICES.all().stream().map(ServiceDefinition::id).toList();
        for (String id : fixed) {
            assertEquals(1, defined.stream().filter(id::equals).count(), id + " in " + defined);
            assertEquals(id, SERVICES.find(id).orElseThrow().id());
        }
        assertEquals(Set.copyOf(fixed), Set.copyOf(defined), "defined ids beyond DESIGN.md's list");
        assertEquals(defined.size(), Set.copyOf(defined).size(), "an id defined twice: " + defined);
    }

    @Test
    void answersAnUnknownIdWithNothing() {
        assertTrue(SERVICES.find("PASSPORT_RENEWAL").isEmpty());
        assertTrue(SERVICES.find(null).isEmpty());
        assertThrows(IllegalStateException.class, () -> SERVICES.process(Service.ADDRESS_CERTIFICATE.id()));
    }

    @Test
    void everyStepAsksAnOperationTheAgencyRegistryDeclares() {
        for (ServiceDefinition d : SERVICES.all()) {
            if (d.synchronous()) {
                continue;
            }
            for (Message body : bodies(d)) {
                List<Stage> stages = d.process().stagesFor(body);
                assertFalse(stages.isEmpty(), d.id());
                for (Stage stage : stages) {
                    for (StepSpec step : stage.steps()) {
                        Agency agency = Agency.named(step.adapter())
                                .orElseThrow(() -> new AssertionError(
                                        d.id() + "/" + step.name() + ": unknown agency " + step.adapter()));
                        assertTrue(
                                agency.serves(step.operation()),
                                d.id() + "/" + step.name() + ": " + agency.id() + " does not declare "
                                        + step.operation());
                    }
                }
            }
        }
    }

    @Test
    void theAddressCertificateIsAnsweredByThePersonsOrTheEntitiesRegister() {
        ServiceDefinition d = SERVICES.get(Service.ADDRESS_CERTIFICATE);
        assertTrue(d.synchronous());
        assertNull(d.process());
        AgencyCall person = d.routeOf(AddressCertificateRequest.newBuilder()
                        .setIin("900314300123")
                        .build())
                .orElseThrow();
        AgencyCall entity = d.routeOf(AddressCertificateRequest.newBuilder()
                        .setBin("961240002331")
                        .build())
                .orElseThrow();
        assertEquals(List.of("gbd-fl", "ADDRESS_LOOKUP"), List.of(person.adapter(), person.operation()));
        assertEquals(List.of("gbd-ul", "ADDRESS_LOOKUP"), List.of(entity.adapter(), entity.operation()));
    }

    @Test
    void onlyTheConsularServiceHasAPreliminaryRefusalAndAFollowUp() {
        for (ServiceDefinition d : SERVICES.all()) {
            boolean consular = d.service() == Service.CONSULAR_PERMANENT_STAY;
            assertEquals(consular, d.followUpType() != null, d.id());
            if (!d.synchronous()) {
                assertEquals(consular, d.process().preliminaryRefusal(), d.id());
            }
        }
        assertEquals(
                Term.workingDays(2),
                SERVICES.get(Service.CONSULAR_PERMANENT_STAY).process().objectionWindow());
    }

    @Test
    void thePortalMaySubmitAnIdDocumentOnlyAfterAChangeOfType() {
        IntakeRule rule = SERVICES.get(Service.ID_DOCUMENT).intake();
        IdDocumentRequest lost = IdDocumentRequest.newBuilder()
                .setReason(IssueReason.ISSUE_REASON_LOST)
                .build();
        Refusal refusal = assertThrows(Refusal.class, () -> rule.check(Sender.EGOV_PORTAL.id(), lost));
        assertEquals(Reason.PORTAL_REASON_NOT_ACCEPTED, refusal.reason());
        rule.check(Sender.HKKO.id(), lost);
        rule.check(
                Sender.EGOV_PORTAL.id(),
                lost.toBuilder()
                        .setReason(IssueReason.ISSUE_REASON_DOCUMENT_TYPE_CHANGED)
                        .build());
    }

    @Test
    void everyServiceHasTitlesAndAtLeastOneDefaultSender() {
        for (ServiceDefinition d : SERVICES.all()) {
            assertFalse(d.titleKk().isBlank(), d.id());
            assertFalse(d.titleRu().isBlank(), d.id());
            assertFalse(d.senders().isEmpty(), d.id());
        }
        assertEquals(Set.of(Service.CONSULAR_PERMANENT_STAY.id()), SERVICES.defaultServicesOf(Sender.BURKIT.id()));
        assertTrue(SERVICES.defaultServicesOf("somebody-else").isEmpty());
    }

    @Test
    void aStepAskingAnUndeclaredOperationIsRefusedWhenDefined() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new StepSpec(
                        "X_CHECK", StepKind.CHECK, Agency.TAX, "WANTED_CHECK", f -> null, Term.days(1), "x", "x"));
        assertTrue(e.getMessage().contains("WANTED_CHECK at tax (expected: one of [TAX_DEBT_CHECK])"), e.getMessage());
    }

    @Test
    void noOtherMainCodeOfTheGatewayOrTheBenchNamesAServiceIdAsAString() throws IOException {
        Path gatewayMain = Path.of("src/main/java");
        Path services = gatewayMain.resolve("kz/shlyuz/gateway/services");
        List<Path> roots = List.of(gatewayMain, Path.of("../bench/src/main/java"));
        Pattern literal = Pattern.compile("\"("
                + String.join(
                        "|", Arrays.stream(Service.values()).map(Service::id).toList()) + ")\"");
        List<String> found = new ArrayList<>();
        for (Path root : roots) {
            assertTrue(Files.isDirectory(root), root.toAbsolutePath().toString());
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java") && !f.startsWith(services))
                        .toList()) {
                    Matcher m = literal.matcher(Files.readString(file));
                    while (m.find()) {
                        found.add(root.relativize(file) + ": " + m.group());
                    }
                }
            }
        }
        assertEquals(List.of(), found);
    }

    /** A default body of the service's type and, for ID documents, one per urgency (the terms follow it). */
    private static List<Message> bodies(ServiceDefinition d) {
        List<Message> bodies = new ArrayList<>();
        bodies.add(Internal.getDefaultInstance(d.bodyType()));
        if (d.bodyType() == IdDocumentRequest.class) {
            for (Urgency u : Urgency.values()) {
                if (u != Urgency.UNRECOGNIZED) {
                    bodies.add(IdDocumentRequest.newBuilder().setUrgency(u).build());
                }
            }
        }
        return bodies;
    }

    /** The ids of DESIGN.md's "Fixed names": the shared folder beside the repository (../shared in CI). */
    private static List<String> designServiceIds() throws IOException {
        String design = Files.readString(designMd());
        int start = design.indexOf("- Service ids:");
        assertTrue(start >= 0, "DESIGN.md has no \"- Service ids:\" line");
        int end = design.indexOf("\n- ", start + 1);
        Matcher m = Pattern.compile("`([A-Z][A-Z0-9_]*)`")
                .matcher(design.substring(start, end < 0 ? design.length() : end));
        Set<String> ids = new LinkedHashSet<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return List.copyOf(ids);
    }

    private static Path designMd() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (Path candidate : List.of(dir.resolve("shared/DESIGN.md"), dir.resolve("../shared/DESIGN.md"))) {
                if (Files.isRegularFile(candidate)) {
                    return candidate.normalize();
                }
            }
        }
        throw new AssertionError("no shared/DESIGN.md above " + Path.of("").toAbsolutePath());
    }
}
