package io.qinglang.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.qinglang.infra.persistence.SqlReferenceSequence;
import io.qinglang.infra.dev.Endpoints;
import io.qinglang.platform.shared.domain.TenantId;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.UUID;

/**
 * The baseline's database access: a HikariCP pool like the server's (same size, same application role, so
 * row-level security applies exactly as it does to the platform), and plain JDBC transactions on it.
 */
final class BaselineDatabase implements AutoCloseable {

    /** The tenant row the baseline needs. */
    record TenantRow(TenantId id, String slug, ZoneId zone, String status, String referencePrefix, String restDays,
                     long rulesVersion) {
    }

    /** Work inside one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T apply(Connection connection) throws SQLException, RequestFailed;
    }

    private final HikariDataSource pool;
    private final HikariDataSource references;

    BaselineDatabase(Endpoints endpoints, int poolSize) {
        this(endpoints.jdbcUrl(), endpoints.appUser(), endpoints.appPassword(), poolSize);
    }

    /** A pool on the database at {@code jdbcUrl} as the application role {@code user}. */
    BaselineDatabase(String jdbcUrl, String user, String password, int poolSize) {
        // mirrors infra.persistence.DataSourceProducer
        HikariConfig config = new HikariConfig();
        config.setPoolName("qinglang-baseline");
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setAutoCommit(false);
        config.addDataSourceProperty("stringtype", "unspecified");
        config.addDataSourceProperty("ApplicationName", "qinglang-baseline");
        this.pool = new HikariDataSource(config);
        // mirrors infra.persistence.SqlReferenceSequence's pool of its own, whose reservations commit at once
        HikariConfig counters = new HikariConfig();
        config.copyStateTo(counters);
        counters.setPoolName("qinglang-baseline-references");
        counters.setMaximumPoolSize(2);
        counters.setAutoCommit(true);
        this.references = new HikariDataSource(counters);
    }

    /** Reserves {@code count} reference numbers of the body's year, as SqlReferenceSequence does; returns the first. */
    long reserveReferences(TenantId tenant, int year, int count) {
        try (Connection connection = references.getConnection();
             PreparedStatement reserve = connection.prepareStatement(SqlReferenceSequence.RESERVE)) {
            setTenant(connection, tenant); // as TenantAwareDataSource does for the platform's pool of its own
            return SqlReferenceSequence.first(reserve, tenant, year, count);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the work in one transaction, committed when it returns, rolled back when it throws. */
    <T> T inTransaction(Work<T> work) throws SQLException, RequestFailed {
        try (Connection connection = pool.getConnection()) {
            try {
                T result = work.apply(connection);
                connection.commit();
                return result;
            } catch (SQLException | RequestFailed | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** Runs the work with each statement committing on its own (as SqlReporterViews' connections do). */
    <T> T autocommit(Work<T> work) throws SQLException, RequestFailed {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(true);
            return work.apply(connection);
        }
    }

    /** Mirrors JpaTenantRepository.findBySlug (EclipseLink selects every mapped column of Tenant). */
    static TenantRow tenantBySlug(Connection connection, String slug) throws SQLException, RequestFailed {
        try (PreparedStatement select = connection.prepareStatement("select id, contact_email, contact_phone, "
                + "created_at, name_en, name_zh, organization_id, reference_prefix, slug, status, template, time_zone, "
                + "version, wrapped_data_key, rest_days, leaves_at, left_at, retention_months, rules_version "
                + "from tenants where slug = ?")) {
            select.setString(1, slug);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new RequestFailed("tenant not found");
                }
                return new TenantRow(new TenantId(row.getObject("id", UUID.class)), row.getString("slug"),
                        ZoneId.of(row.getString("time_zone")), row.getString("status"), row.getString("reference_prefix"),
                        row.getString("rest_days"), row.getLong("rules_version"));
            }
        }
    }

    /** Mirrors infra.persistence.TenantAwareDataSource, which runs this on every connection it hands out. */
    static void setTenant(Connection connection, TenantId tenant) throws SQLException {
        try (PreparedStatement set = connection.prepareStatement("select set_config('qinglang.tenant_id', ?, false)")) {
            set.setString(1, tenant.toString());
            set.execute();
        }
    }

    /** Binds the parameters in order, as EclipseLink does for its generated statements. */
    static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }

    @Override
    public void close() {
        references.close();
        pool.close();
    }
}
