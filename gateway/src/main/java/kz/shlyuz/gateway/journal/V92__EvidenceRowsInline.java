package kz.shlyuz.gateway.journal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On PostgreSQL, evidence records of a few kilobytes stay in their row. A Submit's record carries
 * the request's CMS (about 2.5 KB, certificates and signature: it does not compress), so by
 * default PostgreSQL tried to compress it and then moved it into the TOAST table — two more heap
 * rows and two index entries per record, in every acknowledgement's commit. With the row target at
 * the page size, only records larger than a page (a sync call's full answer) are compressed and
 * moved. H2 has no such setting; there the migration does nothing.
 */
final class V92__EvidenceRowsInline extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        if (!"PostgreSQL".equals(c.getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement st = c.createStatement()) {
            st.execute("ALTER TABLE evidence_record SET (toast_tuple_target = 8160)");
        }
    }
}
