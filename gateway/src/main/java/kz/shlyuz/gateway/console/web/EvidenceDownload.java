package kz.shlyuz.gateway.console.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import kz.shlyuz.gateway.evidence.EvidenceException;
import kz.shlyuz.gateway.evidence.EvidenceExporter;
import kz.shlyuz.gateway.evidence.EvidenceRecord;

/**
 * The auditor's evidence export of one message: the ASiC-E container {@code ./shlyuz evidence
 * export} writes, sent as a download. The export is written to the console's audit log and, as
 * every body read, to the evidence archive's own audit.
 */
final class EvidenceDownload implements Route.Handler {
    private final ConsoleServices s;

    EvidenceDownload(ConsoleServices services) {
        this.s = services;
    }

    @Override
    public Object handle(Call c) throws IOException {
        String id = c.vars().get("id");
        EvidenceRecord record;
        try {
            record = s.exporter().find(id, c.param("sender"));
        } catch (EvidenceException e) {
            return new Route.Reply(404, Map.of("error", e.getMessage()));
        }
        Path tmp = Files.createTempFile("shlyuz-evidence-", ".asice");
        try {
            try {
                s.exporter().export(record, tmp, "console " + c.principal().username(), "console export");
            } catch (EvidenceException e) {
                // e.g. the record is not time-stamped yet: the next batch stamp covers it
                s.audit().record(c.principal(), "evidence.export", "message " + id, "failed");
                return new Route.Reply(409, Map.of("error", e.getMessage()));
            }
            s.audit().record(c.principal(), "evidence.export", "message " + id, "ok");
            c.response().setStatus(200);
            c.response().setContentType(EvidenceExporter.MIMETYPE);
            c.response()
                    .setHeader(
                            "Content-Disposition",
                            "attachment; filename=\"evidence-" + id.replaceAll("[^A-Za-z0-9._-]", "_") + ".asice\"");
            Files.copy(tmp, c.response().getOutputStream());
            return null;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
