package io.qinglang.infra.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.Metrics;
import io.qinglang.platform.cases.domain.ReferenceSequence;
import io.qinglang.platform.shared.application.TenantScope;
import io.qinglang.platform.shared.domain.TenantId;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Per-tenant, per-year counters in {@code reference_counters}, reserved in blocks ({@link ReferenceBlocks}) by
 * statements that commit at once on a small pool of their own: the counter row is locked for the moment of the
 * reservation, not until the report's transaction ends, and a reservation never waits for the main pool that the
 * reports' transactions hold.
 */
@ApplicationScoped
public class SqlReferenceSequence implements ReferenceSequence {

    /** Reserves a block of numbers (the count bound three times); the first of them is returned. */
    public static final String RESERVE = "insert into reference_counters (tenant_id, year, next_value) "
            + "values (?::uuid, ?, 1 + ?) on conflict (tenant_id, year) "
            + "do update set next_value = reference_counters.next_value + ? returning next_value - ?";

    private final HikariDataSource pool;
    private final TenantAwareDataSource counters;
    private final ReferenceBlocks blocks = new ReferenceBlocks(this::reserve);

    @Inject
    public SqlReferenceSequence(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("qinglang-references");
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.appUser());
        config.setPassword(settings.appPassword());
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(settings.connectionTimeoutMillis());
        config.setAutoCommit(true);
        config.addDataSourceProperty("ApplicationName", "qinglang-references");
        config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(Metrics.globalRegistry));
        this.pool = new HikariDataSource(config);
        this.counters = new TenantAwareDataSource(pool);
    }

    @Override
    public long next(int year) {
        TenantId tenant = TenantScope.current().orElseThrow(() -> new IllegalStateException("no tenant in scope"));
        return blocks.next(tenant, year);
    }

    private long reserve(TenantId tenant, int year, int count) {
        try (Connection connection = counters.getConnection();
             PreparedStatement reserve = connection.prepareStatement(RESERVE)) {
            return first(reserve, tenant, year, count);
        } catch (SQLException e) {
            throw new IllegalStateException("could not reserve reference numbers: " + e.getMessage(), e);
        }
    }

    /** Runs {@link #RESERVE} (also the benchmark's baseline does). */
    public static long first(PreparedStatement reserve, TenantId tenant, int year, int count) throws SQLException {
        reserve.setString(1, tenant.value().toString());
        reserve.setInt(2, year);
        for (int i = 3; i <= 5; i++) {
            reserve.setInt(i, count);
        }
        try (ResultSet row = reserve.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    @PreDestroy
    void close() {
        pool.close();
    }
}
