package kz.shlyuz.gateway.ops;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.Message;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.gateway.async.AsyncEnvironment;
import kz.shlyuz.proto.v1.Address;
import kz.shlyuz.proto.v1.AddressCertificateRequest;
import kz.shlyuz.proto.v1.ConsularPermanentStayRequest;
import kz.shlyuz.proto.v1.DocumentKind;
import kz.shlyuz.proto.v1.IdDocumentRequest;
import kz.shlyuz.proto.v1.IssueReason;
import kz.shlyuz.proto.v1.LabourMigrantPermitRequest;
import kz.shlyuz.proto.v1.Place;
import kz.shlyuz.proto.v1.ResidenceDeregistrationRequest;
import kz.shlyuz.proto.v1.ResidenceRegistrationRequest;
import kz.shlyuz.proto.v1.TemporaryIdRequest;
import kz.shlyuz.proto.v1.Urgency;
import org.junit.jupiter.api.Test;

/**
 * Every persona through every service — answers, refusals and the cases' agency steps — with the
 * logs in JSON: each line is one JSON object with time, level, logger and message, and no line
 * holds a full IIN (a masked one keeps the date of birth only).
 */
class LogsHoldNoFullIinTest {
    /** Twelve digits whose fifth is a day's first digit: the shape of an IIN, not of a BIN. */
    private static final Pattern IIN_SHAPED =
            Pattern.compile("(?<![0-9A-Za-z-])[0-9]{4}[0-3][0-9][0-6][0-9]{5}(?![0-9A-Za-z-])");

    private static final Set<String> TERMINAL = Set.of("APPROVED", "REFUSED");

    /** One request: the service, the sender, the body for a persona, and who signs. */
    private record Use(String service, String sender, Message body, List<String> signers, String reader) {}

    private static List<Use> uses(Persona p) {
        String iin = p.iin().value();
        return List.of(
                new Use(
                        "ADDRESS_CERTIFICATE",
                        "egov-portal",
                        AddressCertificateRequest.newBuilder().setIin(iin).build(),
                        List.of(p.key()),
                        null),
                new Use(
                        "EXIT_PERMANENT_RESIDENCE",
                        "hkko",
                        kz.shlyuz.gateway.async.ExitRequests.of(iin),
                        List.of("hkko-operator"),
                        "hkko"),
                new Use(
                        "CONSULAR_PERMANENT_STAY",
                        "burkit",
                        ConsularPermanentStayRequest.newBuilder()
                                .setIin(iin)
                                .setConsulate("Генконсульство РК во Франкфурте-на-Майне")
                                .setGoingTo(Place.newBuilder().setCountry("DE").setLocality("Frankfurt"))
                                .setRestrictedDataConsent(true)
                                .build(),
                        List.of("consular-officer"),
                        "burkit"),
                new Use(
                        "LABOUR_MIGRANT_PERMIT",
                        "hkko",
                        LabourMigrantPermitRequest.newBuilder()
                                .setMigrantIin(iin)
                                .setCitizenship("UZ")
                                .setPassportNumber("FA1234567")
                                .setMonths(6)
                                .setProtectedDataConsent(true)
                                .build(),
                        List.of("hkko-operator"),
                        "hkko"),
                new Use(
                        "LABOUR_MIGRANT_PERMIT_EXTENSION",
                        "egov-portal",
                        LabourMigrantPermitRequest.newBuilder()
                                .setMigrantIin(iin)
                                .setEmployerIin(Persona.EMPLOYER.iin().value())
                                .setCitizenship("UZ")
                                .setMonths(6)
                                .setProtectedDataConsent(true)
                                .setPermitNumber("WP-2026-000001")
                                .build(),
                        List.of(p.key(), Persona.EMPLOYER.key()),
                        "egov-portal-as:" + iin),
                new Use(
                        "ID_DOCUMENT",
                        "hkko",
                        IdDocumentRequest.newBuilder()
                                .setIin(iin)
                                .setKind(DocumentKind.DOCUMENT_KIND_PASSPORT)
                                .setUrgency(Urgency.URGENCY_GENERAL)
                                .setReason(IssueReason.ISSUE_REASON_EXPIRED)
                                .build(),
                        List.of("hkko-operator"),
                        "hkko"),
                new Use(
                        "TEMPORARY_ID",
                        "hkko",
                        TemporaryIdRequest.newBuilder()
                                .setIin(iin)
                                .setReason("ID card replaced")
                                .build(),
                        List.of("hkko-operator"),
                        "hkko"),
                new Use(
                        "RESIDENCE_REGISTRATION",
                        "egov-portal",
                        ResidenceRegistrationRequest.newBuilder()
                                .setIin(iin)
                                .setOwnerIin(Persona.DWELLING_OWNER.iin().value())
                                .setAddress(Address.newBuilder()
                                        .setKatoCode("751110000")
                                        .setRegion("Алматы қ.")
                                        .setLocality("Алматы")
                                        .setStreet("Абай даңғылы")
                                        .setBuilding("10")
                                        .setApartment("5")
                                        .setCountry("KZ"))
                                .build(),
                        List.of(p.key(), Persona.DWELLING_OWNER.key()),
                        "egov-portal-as:" + iin),
                new Use(
                        "RESIDENCE_DEREGISTRATION",
                        "egov-portal",
                        ResidenceDeregistrationRequest.newBuilder()
                                .setIin(iin)
                                .setOwnerIin(Persona.DWELLING_OWNER.iin().value())
                                .setCourtDecisionRef("2-1234/2026")
                                .build(),
                        List.of(Persona.DWELLING_OWNER.key()),
                        "egov-portal-as:" + Persona.DWELLING_OWNER.iin().value()),
                // Refused: another person signs, a wrong check digit, a service the portal may not call.
                new Use(
                        "ADDRESS_CERTIFICATE",
                        "egov-portal",
                        AddressCertificateRequest.newBuilder().setIin(iin).build(),
                        List.of(p == Persona.CLEAN ? Persona.TAX_DEBTOR.key() : Persona.CLEAN.key()),
                        null),
                new Use(
                        "ADDRESS_CERTIFICATE",
                        "egov-portal",
                        AddressCertificateRequest.newBuilder()
                                .setIin(iin.substring(0, 11) + (char) ('0' + (iin.charAt(11) - '0' + 1) % 10))
                                .build(),
                        List.of(p.key()),
                        null),
                new Use(
                        "TEMPORARY_ID",
                        "egov-portal",
                        TemporaryIdRequest.newBuilder()
                                .setIin(iin)
                                .setReason("ID card replaced")
                                .build(),
                        List.of(p.key()),
                        "egov-portal-as:" + iin));
    }

    @Test
    void everyPersonaThroughEveryServiceLeavesOnlyJsonLinesWithoutAFullIin() throws Exception {
        List<String> lines;
        List<JsonNode> json;
        int answered = 0;
        int refused = 0;
        try (LogCapture logs = new LogCapture();
                AsyncEnvironment env = new AsyncEnvironment(Set.of())) {
            Map<String, String> cases = new LinkedHashMap<>();
            for (Persona p : Persona.values()) {
                for (Use use : uses(p)) {
                    String[] signers = use.signers().toArray(String[]::new);
                    try {
                        if (use.reader() == null) {
                            env.client(use.sender())
                                    .call(env.request(use.sender(), use.service(), use.body(), null, signers));
                        } else {
                            cases.put(
                                    env.submit(use.sender(), use.service(), use.body(), signers)
                                            .getCaseId(),
                                    use.reader());
                        }
                        answered++;
                    } catch (StatusRuntimeException e) {
                        refused++;
                    }
                }
            }
            // Let the cases run their agency steps and timers (process time moves in steps of half a day).
            for (Map.Entry<String, String> c : cases.entrySet()) {
                env.await(
                        c.getValue(),
                        c.getKey(),
                        k -> TERMINAL.contains(k.getState()) || k.getState().equals("PRELIMINARY_REFUSAL"),
                        Duration.ofHours(12));
            }
            lines = logs.lines();
            json = logs.json();
        }
        assertTrue(answered > 20 && refused > 5, "answers and refusals both ran: " + answered + "/" + refused);
        assertTrue(lines.size() > answered, "the calls were logged");
        List<String> iins = new ArrayList<>();
        for (Persona p : Persona.values()) {
            iins.add(p.iin().value());
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            JsonNode node = json.get(i);
            for (String field : List.of("time", "level", "logger", "message")) {
                assertTrue(node.hasNonNull(field), field + " in " + line);
            }
            for (String iin : iins) {
                assertFalse(line.contains(iin), "a full IIN in the log: " + line);
            }
            Matcher m = IIN_SHAPED.matcher(line);
            assertFalse(m.find(), () -> "an IIN-shaped number in the log: " + line);
        }
        assertTrue(json.stream()
                .anyMatch(n -> n.path("logger").asText().endsWith("SyncCallHandler")
                        && n.hasNonNull("messageId")
                        && n.hasNonNull("sender")
                        && n.hasNonNull("service")));
        assertTrue(json.stream().anyMatch(n -> n.hasNonNull("reason")), "refusals carry their reason");
    }
}
