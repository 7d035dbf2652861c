package kz.shlyuz.gateway.evidence;

import java.nio.file.Path;
import kz.shlyuz.gateway.config.GatewayConfig;
import kz.shlyuz.gateway.storage.StorageBackends;

/**
 * The evidence suite on a real PostgreSQL server ({@code SHLYUZ_TEST_PG_URL}); skipped without
 * one on a developer's machine, failing without one when {@code CI=true}.
 */
class PostgresEvidenceStorageTest extends EvidenceStorageSuite {
    @Override
    GatewayConfig.JournalSettings database(Path dir) throws Exception {
        return StorageBackends.postgres();
    }
}
