package io.qinglang.admin.onboarding.application;

import io.qinglang.platform.shared.application.TenantTransactions;
import io.qinglang.platform.tenants.domain.Tenant;
import io.qinglang.platform.tenants.domain.TenantNotFound;
import io.qinglang.platform.tenants.domain.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.function.Consumer;

/** The platform operator's view of tenants: list, look at, suspend and reactivate. */
@ApplicationScoped
public class TenantAdministration {

    private final TenantTransactions transactions;
    private final TenantRepository tenants;

    @Inject
    public TenantAdministration(TenantTransactions transactions, TenantRepository tenants) {
        this.transactions = transactions;
        this.tenants = tenants;
    }

    public List<TenantSummary> list() {
        return transactions.platform(() -> tenants.list().stream().map(TenantSummary::of).toList());
    }

    public TenantSummary get(String slug) {
        return transactions.platform(() -> TenantSummary.of(require(slug)));
    }

    public TenantSummary suspend(String slug) {
        return change(slug, Tenant::suspend);
    }

    public TenantSummary reactivate(String slug) {
        return change(slug, Tenant::reactivate);
    }

    private TenantSummary change(String slug, Consumer<Tenant> change) {
        return transactions.platform(() -> {
            Tenant tenant = require(slug);
            change.accept(tenant);
            return TenantSummary.of(tenant);
        });
    }

    private Tenant require(String slug) {
        return tenants.findBySlug(slug).orElseThrow(() -> new TenantNotFound(slug));
    }
}
