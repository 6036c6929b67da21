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

    private final HikariDataSource pool;

    @Inject
    public DataSourceProducer(DatabaseSettings settings, Migrations migrations) {
        migrations.ensureApplied();
        HikariConfig config = new HikariConfig();
        config.setPoolName("qinglang");
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.appUser());
        config.setPassword(settings.appPassword());
        config.setMaximumPoolSize(settings.poolSize());
        config.setConnectionTimeout(settings.connectionTimeoutMillis());
        // UUID and other typed parameters bound as strings are cast by the server.
        config.addDataSourceProperty("stringtype", "unspecified");
        config.addDataSourceProperty("ApplicationName", "qinglang");
        // the pool's use in the operator's metrics (hikaricp_connections_active, _pending, _timeout_total, …)
        config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(Metrics.globalRegistry));
        this.pool = new HikariDataSource(config);
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

    @PreDestroy
    void close() {
        pool.close();
    }
}
