package io.qinglang.admin.onboarding.application;

import io.qinglang.platform.audit.application.AuditRecord;
import io.qinglang.platform.audit.application.AuditTrail;
import io.qinglang.platform.shared.application.TenantTransactions;
import io.qinglang.platform.tenants.domain.Tenant;
import io.qinglang.platform.tenants.domain.TenantNotFound;
import io.qinglang.platform.tenants.domain.TenantRepository;
import io.qinglang.platform.shared.domain.InputErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.function.Consumer;

/**
 * The platform operator's view of tenants: list (with when each was last active), look at, suspend and reactivate. A
 * status change carries the operator's reason into the tenant's audit trail; the API may leave it out (null), but a
 * reason given must say why in at least 10 characters. A change to the status the tenant already has is refused
 * ({@link io.qinglang.platform.tenants.domain.TenantStatusUnchanged}), and of two at once the second loses the race.
 */
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

    /** Every tenant with the time of its newest audit event (every report received is one), one small query each. */
    public List<TenantOverview> overview() {
        return transactions.platform(tenants::list).stream()
                .map(t -> new TenantOverview(TenantSummary.of(t), audit.lastEventAt(t.id()).orElse(null))).toList();
    }

    public TenantSummary get(String slug) {
        return transactions.platform(() -> TenantSummary.of(require(slug)));
    }

    public TenantSummary suspend(String slug, String reason, String operator) {
        return change(slug, reason, operator, "TENANT_SUSPENDED", Tenant::suspend);
    }

    public TenantSummary reactivate(String slug, String reason, String operator) {
        return change(slug, reason, operator, "TENANT_REACTIVATED", Tenant::reactivate);
    }

    /** Refuses a reason given that does not say why; {@code null} is no reason given. */
    static void checkReason(String reason) {
        if (reason != null) {
            new InputErrors().reason("/reason", reason).throwIfAny();
        }
    }

    /** Changes the tenant and records it in the tenant's own audit trail, in one transaction. */
    private TenantSummary change(String slug, String reason, String operator, String action, Consumer<Tenant> change) {
        checkReason(reason);
        var id = transactions.platform(() -> require(slug).id());
        return transactions.inTenant(id, () -> {
            Tenant tenant = require(slug);
            change.accept(tenant);
            audit.record(id, new AuditRecord("OPERATOR", operator, action, "TENANT", id.toString(),
                    reason == null ? null : reason.strip(), null));
            return TenantSummary.of(tenant);
        });
    }

    private Tenant require(String slug) {
        return tenants.findBySlug(slug).orElseThrow(() -> new TenantNotFound(slug));
    }
}
