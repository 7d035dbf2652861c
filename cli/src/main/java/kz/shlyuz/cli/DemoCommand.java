package kz.shlyuz.cli;

import io.grpc.StatusRuntimeException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import kz.shlyuz.certs.cms.CmsSigner;
import kz.shlyuz.certs.identity.Persona;
import kz.shlyuz.certs.pki.DevPki;
import kz.shlyuz.cli.DemoScenarios.Scenario;
import kz.shlyuz.client.GatewayClient;
import kz.shlyuz.client.Refusals;
import kz.shlyuz.client.RequestBuilder;
import kz.shlyuz.proto.v1.AddressCertificate;
import kz.shlyuz.proto.v1.AddressCertificateRequest;
import kz.shlyuz.proto.v1.CabinetGrpc;
import kz.shlyuz.proto.v1.Case;
import kz.shlyuz.proto.v1.ConsularPermanentStayRequest;
import kz.shlyuz.proto.v1.ListCasesRequest;
import kz.shlyuz.proto.v1.ResponseContent;
import kz.shlyuz.proto.v1.SubmitAck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./shlyuz demo}: against a running {@code ./shlyuz serve --time-scale N}, runs every one
 * of the eight services for the fixture personas — approvals and refusals, a preliminary refusal
 * with a signed objection and one without — and prints each case's timeline. Exit status 0 when
 * every case ended as the fixtures say it must, 1 otherwise.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Run all eight services for the fixture personas against a running gateway; print timelines.")
final class DemoCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Mixin
    GatewayOptions gateway;

    @Option(
            names = "--wait",
            defaultValue = "PT55S",
            description = "Give up waiting for cases after (default: ${DEFAULT-VALUE}).")
    Duration wait;

    private final Map<String, GatewayClient> clients = new HashMap<>();
    private DevPki pki;
    private RequestBuilder requests;

    @Override
    public Integer call() throws Exception {
        pki = data.pki();
        requests = new RequestBuilder(new CmsSigner(Clock.systemUTC()));
        try {
            return run();
        } finally {
            clients.values().forEach(GatewayClient::close);
        }
    }

    private GatewayClient client(String system) {
        return clients.computeIfAbsent(system, s -> gateway.connect(pki, s));
    }

    private int run() throws Exception {
        boolean ok = addressCertificate();
        List<Scenario> scenarios = DemoScenarios.all();
        Map<Scenario, String> cases = new HashMap<>();
        for (Scenario s : scenarios) {
            try {
                SubmitAck ack = client(s.sender())
                        .submit(requests.sign(
                                RequestBuilder.content(
                                        s.sender(),
                                        s.service(),
                                        s.body(),
                                        Clock.systemUTC().instant()),
                                s.signers().stream().map(pki::signerKey).toList()));
                cases.put(s, ack.getCaseId());
            } catch (StatusRuntimeException e) {
                Refusals.Refused r = Refusals.read(e);
                System.out.printf(
                        "%n== %s%n   refused at submit: %s %s (%s)%n   kk: %s%n   ru: %s%n",
                        s.title(), r.code(), r.reason(), r.shepCode(), r.kazakh(), r.russian());
                ok &= s.expected().equals(r.reason());
            }
        }
        Map<Scenario, Case> last = new HashMap<>();
        List<Scenario> objected = new ArrayList<>();
        List<Scenario> delivered = new ArrayList<>();
        long until = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < until) {
            boolean allDone = true;
            for (Map.Entry<Scenario, String> e : cases.entrySet()) {
                Scenario s = e.getKey();
                Case c = read(s, e.getValue());
                last.put(s, c);
                // 001 §11: the consulate reports the draft refusal delivered; the window opens from that day.
                if (c.getState().equals("PRELIMINARY_REFUSAL") && !c.hasDraftDeliveredOn() && !delivered.contains(s)) {
                    delivered.add(s);
                    deliver(s, c);
                } else if (s.object()
                        && c.getState().equals("PRELIMINARY_REFUSAL")
                        && c.hasObjectionDueAt()
                        && !objected.contains(s)) {
                    objected.add(s);
                    object(s, c);
                }
                allDone &= c.getState().equals("APPROVED") || c.getState().equals("REFUSED");
            }
            if (allDone) {
                break;
            }
            Thread.sleep(200);
        }
        for (Scenario s : scenarios) {
            Case c = last.get(s);
            if (c != null) {
                Timelines.timeline(System.out, s.title(), c);
                ok &= c.getState().equals(s.expected());
            }
        }
        System.out.printf("%n%-62s %-10s %s%n", "scenario", "expected", "outcome");
        for (Scenario s : scenarios) {
            Case c = last.get(s);
            System.out.printf(
                    "%-62s %-10s %s%n", s.title(), s.expected(), c == null ? "(refused at submit)" : c.getState());
        }
        System.out.println(
                ok
                        ? "demo: every case ended as the regulations and fixtures say"
                        : "demo: MISMATCH (see above; a case still IN_PROGRESS or PRELIMINARY_REFUSAL usually means the gateway"
                                + " runs without './shlyuz serve --time-scale 10000')");
        return ok ? 0 : 1;
    }

    private Case read(Scenario s, String caseId) {
        String system = s.reader() == null ? s.sender() : "egov-portal";
        String iin = s.reader() == null ? "" : s.reader().iin().value();
        return CabinetGrpc.newBlockingStub(client(system).channel())
                .withDeadlineAfter(10, TimeUnit.SECONDS)
                .listCases(ListCasesRequest.newBuilder()
                        .setCitizenIin(iin)
                        .setPageSize(500)
                        .build())
                .getCasesList()
                .stream()
                .filter(c -> c.getCaseId().equals(caseId))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("case " + caseId + " not visible"));
    }

    private void object(Scenario s, Case c) {
        ConsularPermanentStayRequest request = (ConsularPermanentStayRequest) s.body();
        Persona applicant = java.util.Arrays.stream(Persona.values())
                .filter(p -> p.iin().value().equals(request.getIin()))
                .findFirst()
                .orElseThrow();
        var content = RequestBuilder.content(
                        UUID.randomUUID().toString(),
                        s.sender(),
                        s.service(),
                        DemoScenarios.objection(applicant, c.getCaseId()),
                        Clock.systemUTC().instant())
                .toBuilder()
                .setCorrelationId(c.getCaseId())
                .build();
        client(s.sender()).submit(requests.sign(content, List.of(pki.signerKey(applicant.key()))));
    }

    /**
     * The consular officer reports that the applicant received the draft refusal on the day the
     * preliminary refusal was recorded (process time, which runs fast under --time-scale).
     */
    private void deliver(Scenario s, Case c) {
        ConsularPermanentStayRequest request = (ConsularPermanentStayRequest) s.body();
        java.time.LocalDate on = c.getHistoryList().stream()
                .filter(m -> m.getStatus().equals("PRELIMINARY_REFUSAL"))
                .map(m -> java.time.Instant.ofEpochSecond(m.getAt().getSeconds())
                        .atZone(java.time.ZoneId.of("Asia/Almaty"))
                        .toLocalDate())
                .reduce((a, b) -> b)
                .orElseThrow();
        var content = RequestBuilder.content(
                        UUID.randomUUID().toString(),
                        s.sender(),
                        s.service(),
                        kz.shlyuz.proto.v1.DraftRefusalDelivery.newBuilder()
                                .setCaseId(c.getCaseId())
                                .setIin(request.getIin())
                                .setDeliveredOn(kz.shlyuz.proto.v1.Date.newBuilder()
                                        .setYear(on.getYear())
                                        .setMonth(on.getMonthValue())
                                        .setDay(on.getDayOfMonth()))
                                .setMethod(kz.shlyuz.proto.v1.DraftDeliveryMethod.DRAFT_DELIVERY_METHOD_IN_PERSON)
                                .build(),
                        Clock.systemUTC().instant())
                .toBuilder()
                .setCorrelationId(c.getCaseId())
                .build();
        client(s.sender()).submit(requests.sign(content, List.of(pki.signerKey("consular-officer"))));
    }

    private boolean addressCertificate() throws Exception {
        var content = RequestBuilder.content(
                "egov-portal",
                "ADDRESS_CERTIFICATE",
                AddressCertificateRequest.newBuilder()
                        .setIin(Persona.CLEAN.iin().value())
                        .build(),
                Clock.systemUTC().instant());
        var response = client("egov-portal").call(requests.sign(content, List.of(pki.signerKey(Persona.CLEAN.key()))));
        AddressCertificate certificate =
                ResponseContent.parseFrom(response.getContent()).getBody().unpack(AddressCertificate.class);
        System.out.printf(
                "== ADDRESS_CERTIFICATE (synchronous), %s via the portal%n   certificate %s: %s, %s %s%n",
                Persona.CLEAN.key(),
                certificate.getCertificateNumber(),
                certificate.getAddress().getLocality(),
                certificate.getAddress().getStreet(),
                certificate.getAddress().getBuilding());
        return !certificate.getCertificateNumber().isEmpty();
    }
}
