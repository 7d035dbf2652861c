package kz.shlyuz.gateway.console.web;

import java.time.Clock;
import kz.shlyuz.gateway.console.audit.AuditLog;
import kz.shlyuz.gateway.console.data.CaseList;
import kz.shlyuz.gateway.console.data.Deliveries;
import kz.shlyuz.gateway.console.data.JournalSearch;
import kz.shlyuz.gateway.console.data.MessageDetails;
import kz.shlyuz.gateway.console.data.TrafficRing;
import kz.shlyuz.gateway.evidence.EvidenceExporter;
import kz.shlyuz.gateway.ops.Operations;
import kz.shlyuz.gateway.process.ProcessEngine;

/**
 * What the console's routes and pages read and act on.
 *
 * @param wallClock the clock of the audit log and of leases
 */
public record ConsoleServices(
        AuditLog audit,
        JournalSearch journal,
        MessageDetails messages,
        CaseList cases,
        Deliveries deliveries,
        TrafficRing traffic,
        ProcessEngine engine,
        Operations ops,
        EvidenceExporter exporter,
        Clock wallClock) {}
