package io.qinglang.infra.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.Metrics;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import javax.sql.DataSource;

/**
 * The application's connection pool (as the RLS-bound application role), wrapped so that every connection
 * carries the current tenant. The persistence unit finds it by the name {@value #NAME}.
 */
@ApplicationScoped
public class DataSourceProducer {

    static final String NAME = "qinglang";

    /** Connections for {@link SqlSharedCounters} only: a few suffice, and a flood waits here, not in the main pool. */
    private static final int COUNTER_CONNECTIONS = 4;

    private final HikariDataSource pool;
    private final HikariDataSource counterPool;

    @Inject
    public DataSourceProducer(DatabaseSettings settings, Migrations migrations) {
        migrations.ensureApplied();
        this.pool = new HikariDataSource(config(settings, "qinglang", settings.poolSize()));
        HikariConfig counters = config(settings, "qinglang-counters", COUNTER_CONNECTIONS);
        counters.setMinimumIdle(1);
        // never set to a tenant (no one scopes these connections), so row-level security shows them no tenant's rows
        counters.setConnectionInitSql("select set_config('qinglang.tenant_id', '', false)");
        this.counterPool = new HikariDataSource(counters);
    }

    private static HikariConfig config(DatabaseSettings settings, String name, int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.appUser());
        config.setPassword(settings.appPassword());
        config.setMaximumPoolSize(size);
        config.setConnectionTimeout(settings.connectionTimeoutMillis());
        // UUID and other typed parameters bound as strings are cast by the server.
        config.addDataSourceProperty("stringtype", "unspecified");
        config.addDataSourceProperty("ApplicationName", name);
        // the pool's use in the operator's metrics (hikaricp_connections_active, _pending, _timeout_total, …; pool=name)
        config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(Metrics.globalRegistry));
        return config;
    }

    @Produces
    @Named(NAME)
    @ApplicationScoped
    DataSource dataSource() {
        return new TenantAwareDataSource(pool);
    }

    /**
     * The same pool's connections for work outside any JTA transaction (each statement committing on its own), set to
     * the tenant in scope as the persistence unit's are: for reads that take part in no transaction of the caller's.
     */
    public DataSource outsideTransactions() {
        return new TenantAwareDataSource(pool);
    }

    /**
     * Connections of their own for the platform's shared counters (tables without tenant rows), each statement committing
     * on its own: a limit taken stays taken whatever becomes of the request, and no request's transaction holds a
     * counter's row.
     */
    DataSource counters() {
        return counterPool;
    }

    @PreDestroy
    void close() {
        counterPool.close();
        pool.close();
    }
}
