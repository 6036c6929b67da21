package io.qinglang.infra.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the database is and who connects: the owner role runs migrations, the application role (subject
 * to row-level security) serves requests. Secrets come from the environment (QINGLANG_DB_*).
 */
@ApplicationScoped
public class DatabaseSettings {

    private final String url;
    private final String ownerUser;
    private final String ownerPassword;
    private final String appUser;
    private final String appPassword;
    private final int poolSize;
    private final long connectionTimeoutMillis;

    @Inject
    public DatabaseSettings(@ConfigProperty(name = "qinglang.db.url") String url,
                            @ConfigProperty(name = "qinglang.db.owner-user") String ownerUser,
                            @ConfigProperty(name = "qinglang.db.owner-password") String ownerPassword,
                            @ConfigProperty(name = "qinglang.db.app-user") String appUser,
                            @ConfigProperty(name = "qinglang.db.app-password") String appPassword,
                            @ConfigProperty(name = "qinglang.db.pool-size", defaultValue = "10") int poolSize,
                            @ConfigProperty(name = "qinglang.db.connection-timeout-ms", defaultValue = "5000")
                            long connectionTimeoutMillis) {
        this.url = url;
        this.ownerUser = ownerUser;
        this.ownerPassword = ownerPassword;
        this.appUser = appUser;
        this.appPassword = appPassword;
        this.poolSize = poolSize;
        this.connectionTimeoutMillis = connectionTimeoutMillis;
    }

    /**
     * How long a request waits for a connection before it is told the database is unavailable (503 with Retry-After)
     * rather than waiting on.
     */
    public long connectionTimeoutMillis() {
        return connectionTimeoutMillis;
    }

    public String url() {
        return url;
    }

    public String ownerUser() {
        return ownerUser;
    }

    public String ownerPassword() {
        return ownerPassword;
    }

    public String appUser() {
        return appUser;
    }

    public String appPassword() {
        return appPassword;
    }

    public int poolSize() {
        return poolSize;
    }
}
