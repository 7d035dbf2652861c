package kz.shlyuz.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import kz.shlyuz.proto.v1.Case;
import kz.shlyuz.proto.v1.CaseStep;
import kz.shlyuz.proto.v1.StatusMessage;

/** Prints cases and status messages for people at a terminal. */
final class Timelines {
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").withZone(ZoneId.of("Asia/Almaty"));

    private Timelines() {}

    static String when(com.google.protobuf.Timestamp t) {
        return WHEN.format(Instant.ofEpochSecond(t.getSeconds(), t.getNanos()));
    }

    static void message(PrintStream out, StatusMessage m) {
        out.printf("  [%s] %-20s #%s%n", when(m.getAt()), m.getStatus(), m.getCursor());
        out.printf("      kk: %s%n", m.getTextKk());
        out.printf("      ru: %s%n", m.getTextRu());
    }

    static void timeline(PrintStream out, String title, Case c) {
        out.printf(
                "%n== %s%n   case %s  %s  %s  (due %s%s)%n",
                title,
                c.getCaseId(),
                c.getServiceId(),
                c.getState(),
                when(c.getDueAt()),
                c.getOverdue() ? ", OVERDUE" : "");
        if (c.getSecondParty()) {
            out.printf(
                    "   reference %s, read in the second party's cabinet: no steps, no grounds%n",
                    c.getDisplayReference());
        }
        for (CaseStep s : c.getStepsList()) {
            out.printf(
                    "   step %-28s %-9s %-8s started %s due %s%s%s%n",
                    s.getName(),
                    s.getAgency(),
                    s.getState(),
                    when(s.getStartedAt()),
                    when(s.getDueAt()),
                    s.getResult().isEmpty() ? "" : " → " + s.getResult(),
                    s.getOverdue() ? " OVERDUE" : "");
        }
        for (StatusMessage m : c.getHistoryList()) {
            message(out, m);
        }
    }
}
