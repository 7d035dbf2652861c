package kz.shlyuz.gateway.evidence;

import java.nio.file.Path;
import kz.shlyuz.gateway.config.GatewayConfig;
import kz.shlyuz.gateway.storage.StorageBackends;

/** The evidence suite on the embedded H2 file. */
class H2EvidenceStorageTest extends EvidenceStorageSuite {
    @Override
    GatewayConfig.JournalSettings database(Path dir) {
        return StorageBackends.h2(dir);
    }
}
