package io.qinglang.platform.tenants.application;

import io.qinglang.platform.shared.application.TenantTransactions;
import io.qinglang.platform.tenants.domain.StaffRepository;
import io.qinglang.platform.tenants.domain.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Whether a member of staff still stands at a tenant. Keycloak refuses a disabled account new tokens, but an
 * access token already issued stays valid until it expires; this check, made on every staff request, refuses
 * a deactivated account at once.
 */
@ApplicationScoped
public class StaffStanding {

    private final TenantTransactions transactions;
    private final TenantRepository tenants;
    private final StaffRepository staff;

    @Inject
    public StaffStanding(TenantTransactions transactions, TenantRepository tenants, StaffRepository staff) {
        this.transactions = transactions;
        this.tenants = tenants;
        this.staff = staff;
    }

    /** True if a tenant admin deactivated the account {@code userId} (the token's subject) at this tenant. */
    public boolean deactivated(String tenantSlug, String userId) {
        if (userId == null) {
            return false;
        }
        return transactions.platform(() -> tenants.findBySlug(tenantSlug))
                .map(tenant -> transactions.inTenant(tenant.id(), () -> staff.deactivated(userId)))
                .orElse(false);
    }
}
