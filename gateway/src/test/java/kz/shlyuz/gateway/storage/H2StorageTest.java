package kz.shlyuz.gateway.storage;

import java.nio.file.Files;
import kz.shlyuz.gateway.config.GatewayConfig;

/** The storage suite on the embedded H2 default. */
class H2StorageTest extends StorageSuite {
    @Override
    GatewayConfig.JournalSettings database() throws Exception {
        return StorageBackends.h2(Files.createTempDirectory("shlyuz-h2-"));
    }
}
