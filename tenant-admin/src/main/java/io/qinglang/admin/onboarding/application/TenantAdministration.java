package io.qinglang.admin.onboarding.application;

import io.qinglang.platform.audit.application.AuditRecord;
import io.qinglang.platform.audit.application.AuditTrail;
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
    private final AuditTrail audit;

    @Inject
    public TenantAdministration(TenantTransactions transactions, TenantRepository tenants, AuditTrail audit) {
        this.transactions = transactions;
        this.tenants = tenants;
        this.audit = audit;
    }

    public List<TenantSummary> list() {
        return transactions.platform(() -> tenants.list().stream().map(TenantSummary::of).toList());
    }

    public TenantSummary get(String slug) {
        return transactions.platform(() -> TenantSummary.of(require(slug)));
    }

    public TenantSummary suspend(String slug, String operator) {
        return change(slug, operator, "TENANT_SUSPENDED", Tenant::suspend);
    }

    public TenantSummary reactivate(String slug, String operator) {
        return change(slug, operator, "TENANT_REACTIVATED", Tenant::reactivate);
    }

    /** Changes the tenant and records it in the tenant's own audit trail, in one transaction. */
    private TenantSummary change(String slug, String operator, String action, Consumer<Tenant> change) {
        var id = transactions.platform(() -> require(slug).id());
        return transactions.inTenant(id, () -> {
            Tenant tenant = require(slug);
            change.accept(tenant);
            audit.record(id, new AuditRecord("OPERATOR", operator, action, "TENANT", id.toString(), null, null));
            return TenantSummary.of(tenant);
        });
    }

    private Tenant require(String slug) {
        return tenants.findBySlug(slug).orElseThrow(() -> new TenantNotFound(slug));
    }
}
