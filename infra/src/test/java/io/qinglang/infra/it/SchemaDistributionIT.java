package io.qinglang.infra.it;

import io.qinglang.infra.dev.DevPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The schema can be distributed by tenant on Citus (docs/scaling.md): every tenant-owned table — one with a
 * {@code tenant_id} column — has {@code tenant_id} leading its primary key, its unique indexes and its foreign keys, so
 * that each table can be distributed by {@code tenant_id} and co-located with the others. Read from the catalogue of a
 * database the platform's own migrations made. Only PostgreSQL is needed, so this class starts one of its own rather
 * than the whole platform; it migrates to V029 first and adds a disclosure report there, as a dev database has, so that
 * the later migrations are run over existing rows.
 */
class SchemaDistributionIT {

    /**
     * The tables that would be Citus reference tables (a copy on every node). A tenant-owned table may reference them by
     * any column: Citus allows a foreign key from a distributed table to a reference table.
     */
    private static final Set<String> REFERENCE_TABLES = Set.of(
            // the body registry: every tenant-owned table references it, cases twice more for referrals between bodies
            // (referred_tenant_id, referred_from_tenant_id), and the statistics triggers read its time zone
            "tenants");

    private static final String OWNER_PASSWORD = "schema-owner";
    private static final String TENANT = "00000000-0000-0000-0000-00000000000a";
    private static final String REPORT = "00000000-0000-0000-0000-0000000000a1";

    /** The tables of the schema with a {@code tenant_id} column. */
    private static final String TENANT_OWNED = "select t.relname from pg_class t join pg_attribute a on a.attrelid = t.oid"
            + " and a.attname = 'tenant_id' and not a.attisdropped"
            + " where t.relnamespace = current_schema()::regnamespace and t.relkind in ('r', 'p')";

    private static DevPostgres postgres;

    @BeforeAll
    static void migrateOverADatabaseWithAReport() throws IOException, SQLException {
        Path folder = Path.of(System.getProperty("qinglang.it.folder", "target/dev-it"))
                .resolve("schema-" + System.currentTimeMillis());
        postgres = DevPostgres.start(folder, 0, OWNER_PASSWORD, "schema-app", line -> System.out.println("[schema] " + line));
        migrate("29");
        try (Connection c = owner(); Statement s = c.createStatement()) {
            s.execute("insert into tenants (id, slug, name_zh, name_en, time_zone, contact_email, template, status,"
                    + " reference_prefix, wrapped_data_key, created_at) values ('" + TENANT + "', 'old-body', '旧机构',"
                    + " 'Old body', 'Asia/Shanghai', 'a@old.example', 'GENERAL', 'ACTIVE', 'OB', '\\x00', now())");
            s.execute("insert into disclosure_reports (id, tenant_id, period, version, origin, requested_at, state,"
                    + " progress, generated_at) values ('" + REPORT + "', '" + TENANT + "', '2026-01', 1, 'ON_DEMAND',"
                    + " now(), 'READY', 100, now())");
            for (String edition : List.of("zh-CN", "en", "csv")) {
                s.execute("insert into disclosure_documents (report_id, tenant_id, edition, media_type, file_name, content,"
                        + " sha256, size_bytes, created_at) values ('" + REPORT + "', '" + TENANT + "', '" + edition
                        + "', 'application/octet-stream', 'r." + edition + "', '\\x01', repeat('a', 64), 1, now())");
            }
        }
        migrate(null);
    }

    @AfterAll
    static void stop() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void tenantIdLeadsTheKeysOfEveryTenantOwnedTable() throws SQLException {
        Set<String> tenantOwned = names(TENANT_OWNED);
        assertThat(tenantOwned).contains("cases", "audit_events", "disclosure_reports", "disclosure_documents")
                .hasSizeGreaterThanOrEqualTo(29);
        List<String> violations = new ArrayList<>();
        // Citus refuses a row without a value in the distribution column
        names(TENANT_OWNED + " and not a.attnotnull").forEach(table -> violations.add(table + ": tenant_id may be null"));
        violations.addAll(uniqueKeysNotLedByTenantId());
        violations.addAll(foreignKeysNotLedByTenantId(tenantOwned));
        assertThat(violations).as("keys of tenant-owned tables that do not lead with tenant_id").isEmpty();
    }

    /** Primary keys, unique constraints and indexes (partial ones too) and exclusion constraints. */
    private static List<String> uniqueKeysNotLedByTenantId() throws SQLException {
        List<String> violations = new ArrayList<>();
        try (Connection c = owner(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select t.relname, pg_get_indexdef(x.indexrelid), x.indkey[0] = a.attnum"
                     + " from pg_index x join pg_class t on t.oid = x.indrelid"
                     + " join pg_attribute a on a.attrelid = t.oid and a.attname = 'tenant_id' and not a.attisdropped"
                     + " where t.relnamespace = current_schema()::regnamespace and (x.indisunique or x.indisexclusion)")) {
            while (rs.next()) {
                if (!rs.getBoolean(3)) {
                    violations.add(rs.getString(1) + ": " + rs.getString(2));
                }
            }
        }
        return violations;
    }

    /**
     * Foreign keys must join on tenant_id, first on both sides (Citus wants it at the same place in both), unless they
     * reference one of the {@link #REFERENCE_TABLES}.
     */
    private static List<String> foreignKeysNotLedByTenantId(Set<String> tenantOwned) throws SQLException {
        List<String> violations = new ArrayList<>();
        try (Connection c = owner(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select t.relname, c.conname, pg_get_constraintdef(c.oid), r.relname,"
                     + " c.conkey[1] = a.attnum and c.confkey[1] = ra.attnum"
                     + " from pg_constraint c join pg_class t on t.oid = c.conrelid join pg_class r on r.oid = c.confrelid"
                     + " join pg_attribute a on a.attrelid = t.oid and a.attname = 'tenant_id' and not a.attisdropped"
                     + " left join pg_attribute ra on ra.attrelid = r.oid and ra.attname = 'tenant_id' and not ra.attisdropped"
                     + " where c.contype = 'f' and t.relnamespace = current_schema()::regnamespace")) {
            while (rs.next()) {
                String referenced = rs.getString(4);
                boolean onTenantId = tenantOwned.contains(referenced) && rs.getBoolean(5);
                if (!onTenantId && !REFERENCE_TABLES.contains(referenced)) {
                    violations.add(rs.getString(1) + ": foreign key " + rs.getString(2) + " " + rs.getString(3));
                }
            }
        }
        return violations;
    }

    @Test
    void theReferenceTablesArePlatformWideAndReferenceNoTenantOwnedTable() throws SQLException {
        Set<String> tenantOwned = names(TENANT_OWNED);
        List<String> referencing = new ArrayList<>();
        try (Connection c = owner(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select t.relname, r.relname from pg_constraint c"
                     + " join pg_class t on t.oid = c.conrelid join pg_class r on r.oid = c.confrelid where c.contype = 'f'"
                     + " and t.relnamespace = current_schema()::regnamespace")) {
            while (rs.next()) {
                if (REFERENCE_TABLES.contains(rs.getString(1)) && tenantOwned.contains(rs.getString(2))) {
                    referencing.add(rs.getString(1) + " → " + rs.getString(2));
                }
            }
        }
        assertThat(tables()).containsAll(REFERENCE_TABLES);
        assertThat(tenantOwned).doesNotContainAnyElementsOf(REFERENCE_TABLES);
        // Citus refuses a foreign key from a reference table to a distributed table
        assertThat(referencing).isEmpty();
    }

    @Test
    void aDisclosureReportOfBeforeTheMigrationsKeepsItsFilesAndItsBody() throws SQLException {
        try (Connection c = owner(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select count(*) from disclosure_documents d join disclosure_reports r"
                    + " on r.tenant_id = d.tenant_id and r.id = d.report_id where r.id = '" + REPORT + "'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(3);
            }
            String other = "00000000-0000-0000-0000-00000000000b";
            s.execute("insert into tenants (id, slug, name_zh, name_en, time_zone, contact_email, template, status,"
                    + " reference_prefix, wrapped_data_key, created_at) values ('" + other + "', 'other-body', '另一机构',"
                    + " 'Other body', 'Asia/Shanghai', 'a@other.example', 'GENERAL', 'ACTIVE', 'OT', '\\x00', now())");
            // a file names its report within its own body: the same report id under another body is no report
            assertThatThrownBy(() -> s.execute("insert into disclosure_documents (report_id, tenant_id, edition,"
                    + " media_type, file_name, content, sha256, size_bytes, created_at) values ('" + REPORT + "', '"
                    + other + "', 'csv', 'text/csv', 'r.csv', '\\x01', repeat('a', 64), 1, now())"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("foreign key");
        }
    }

    private static void migrate(String target) {
        var configuration = Flyway.configure()
                .dataSource(postgres.jdbcUrl(), DevPostgres.OWNER_USER, OWNER_PASSWORD)
                .locations("classpath:db/migration")
                .placeholders(Map.of("app_role", DevPostgres.APP_USER));
        if (target != null) {
            configuration.target(target);
        }
        configuration.load().migrate();
    }

    private static Connection owner() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), DevPostgres.OWNER_USER, OWNER_PASSWORD);
    }

    private static Set<String> tables() throws SQLException {
        return names("select relname from pg_class where relnamespace = current_schema()::regnamespace"
                + " and relkind in ('r', 'p')");
    }

    private static Set<String> names(String query) throws SQLException {
        Set<String> names = new TreeSet<>();
        try (Connection c = owner(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
