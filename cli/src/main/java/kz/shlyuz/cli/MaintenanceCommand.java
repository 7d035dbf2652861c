package kz.shlyuz.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code ./shlyuz maintenance on|off|status}: drains a node (readiness 503, gRPC health
 * NOT_SERVING, new calls refused with MAINTENANCE while running calls and cases finish) or brings
 * it back, through its admin listener — from loopback, or with an admin client certificate.
 */
@Command(
        name = "maintenance",
        mixinStandardHelpOptions = true,
        description = "Turn a running gateway's maintenance mode on or off (drain the node), or show it.")
final class MaintenanceCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "on|off|status", description = "on, off or status")
    String action;

    @Mixin
    AdminOptions adminOptions = new AdminOptions();

    @Override
    public Integer call() throws Exception {
        AdminClient client = adminOptions.client();
        AdminClient.Answer answer;
        switch (action) {
            case "on", "off" -> answer = client.post("maintenance", action);
            case "status" -> answer = client.get("maintenance");
            default -> {
                System.err.println("maintenance: " + action + " (expected: on, off or status)");
                return 2;
            }
        }
        if (answer.status() != 200) {
            System.err.println("maintenance: " + client.base() + " answered " + answer.status() + ": "
                    + answer.body().path("error").asText());
            return 1;
        }
        boolean on = answer.body().path("maintenance").asBoolean();
        String by = answer.body().path("by").asText("");
        System.out.printf(
                "maintenance %s%s%s; calls in flight: %d%n",
                on ? "ON" : "OFF",
                on ? " since " + answer.body().path("since").asText() : "",
                by.isEmpty() ? "" : " (by " + by + ")",
                answer.body().path("inFlightCalls").asInt());
        return 0;
    }
}
