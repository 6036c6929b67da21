package io.qinglang.infra.server;

import io.qinglang.platform.shared.application.TenantTransactions;
import io.qinglang.platform.tenants.domain.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when the database answers through the application's own pool and persistence unit. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private final TenantTransactions transactions;
    private final TenantRepository tenants;

    @Inject
    public DatabaseReadiness(TenantTransactions transactions, TenantRepository tenants) {
        this.transactions = transactions;
        this.tenants = tenants;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            int count = transactions.platform(() -> tenants.list().size());
            return HealthCheckResponse.named("database").up().withData("tenants", count).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("database").down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
