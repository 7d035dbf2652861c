package kz.shlyuz.gateway.storage;

import kz.shlyuz.gateway.config.GatewayConfig;

/**
 * The storage suite on a real PostgreSQL server ({@code SHLYUZ_TEST_PG_URL}); skipped without
 * one on a developer's machine, failing without one when {@code CI=true}.
 */
class PostgresStorageTest extends StorageSuite {
    @Override
    GatewayConfig.JournalSettings database() throws Exception {
        return StorageBackends.postgres();
    }
}
