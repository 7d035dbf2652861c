package kz.shlyuz.gateway.ops.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kz.shlyuz.gateway.config.GatewayConfig;

/** What makes a configuration refuse to start, and what only deserves a look, beyond what parsing checks. */
public final class StartupChecks {
    private StartupChecks() {}

    /** Problems that stop the gateway from starting (each says what to add or change). */
    public static List<String> errors(GatewayConfig config) {
        List<String> out = new ArrayList<>();
        if (config.signerRules().trustDirs().isEmpty() && !config.signerRules().devPkiTrust()) {
            out.add("trust: no document-signature trust is configured, so every signature would be refused. Add "
                    + "\"trust\": {\"dirs\": [\"/etc/shlyuz/nca\"]} (a folder of the national CA's certificates and "
                    + "CRLs), or \"trust\": {\"devPki\": true} for the development PKI only.");
        }
        if (config.senders().isEmpty()) {
            out.add("senders: none configured, so every caller is refused. Add at least one sender.");
        }
        return out;
    }

    /** Things that work but an operator should look at. */
    public static List<String> notes(GatewayConfig config) {
        List<String> out = new ArrayList<>();
        for (Path dir : config.signerRules().trustDirs()) {
            if (!Files.isDirectory(dir)) {
                out.add("trust.dirs: " + dir + " is not a folder here (the gateway will find no anchors in it)");
            }
        }
        return out;
    }
}
