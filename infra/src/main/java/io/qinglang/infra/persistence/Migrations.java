package io.qinglang.infra.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import java.util.Map;
import java.util.logging.Logger;

/**
 * Applies the versioned SQL migrations ({@code db/migration/V###__*.sql}) as the owner role before the
 * application's pool opens. The application role must exist already (the operator or dev mode creates it);
 * migrations grant it what it needs.
 */
@ApplicationScoped
public class Migrations {

    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

    private final DatabaseSettings settings;
    private final boolean enabled;
    private volatile boolean applied;

    @Inject
    public Migrations(DatabaseSettings settings,
                      @ConfigProperty(name = "qinglang.db.migrate", defaultValue = "true") boolean enabled) {
        this.settings = settings;
        this.enabled = enabled;
    }

    public synchronized void ensureApplied() {
        if (applied || !enabled) {
            return;
        }
        MigrateResult result = Flyway.configure()
                .dataSource(settings.url(), settings.ownerUser(), settings.ownerPassword())
                .locations("classpath:db/migration")
                .placeholders(Map.of("app_role", settings.appUser()))
                .load()
                .migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now)");
        applied = true;
    }
}
