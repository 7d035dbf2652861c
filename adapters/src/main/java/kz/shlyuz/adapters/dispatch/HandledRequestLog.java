package kz.shlyuz.adapters.dispatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per handled request: agency, operation, request id, masked subject, outcome and
 * duration. Never the body and never a full IIN: the subject arrives masked.
 */
final class HandledRequestLog {
    private static final Logger LOG = LoggerFactory.getLogger("kz.shlyuz.adapters.requests");

    private HandledRequestLog() {}

    static void handled(
            String agency, String operation, String requestId, String maskedSubject, String outcome, long millis) {
        LOG.info(
                "agency={} operation={} request={} subject={} outcome={} millis={}",
                agency,
                printable(operation),
                printable(requestId),
                maskedSubject.isEmpty() ? "-" : maskedSubject,
                outcome,
                millis);
    }

    /** Caller-supplied text in a log line: bounded, one line, no separators to forge fields with. */
    private static String printable(String text) {
        if (text.isEmpty()) {
            return "-";
        }
        String cut = text.length() > 64 ? text.substring(0, 64) + "…" : text;
        return cut.replaceAll("[^A-Za-z0-9._:-]", "?");
    }
}
