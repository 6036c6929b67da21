package io.qinglang.platform.tenants.application;

import io.qinglang.platform.shared.application.TenantTransactions;
import io.qinglang.platform.shared.domain.TenantId;
import io.qinglang.platform.tenants.domain.Tenant;
import io.qinglang.platform.tenants.domain.TenantNotFound;
import io.qinglang.platform.tenants.domain.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.ZoneId;
import java.util.Optional;

/** Finds the tenant a public request addresses by its slug (platform data, read outside any tenant scope). */
@ApplicationScoped
public class TenantDirectory {

    private final TenantTransactions transactions;
    private final TenantRepository tenants;

    @Inject
    public TenantDirectory(TenantTransactions transactions, TenantRepository tenants) {
        this.transactions = transactions;
        this.tenants = tenants;
    }

    public Optional<Tenant> find(String slug) {
        if (!TenantRepository.canBeSlug(slug)) {
            return Optional.empty();
        }
        return transactions.platform(() -> tenants.findBySlug(slug));
    }

    public Tenant require(String slug) {
        return find(slug).orElseThrow(() -> new TenantNotFound(slug));
    }

    /** The identifier of the tenant with this slug; {@link TenantNotFound} if there is none. */
    public TenantId idOf(String slug) {
        return require(slug).id();
    }

    /** The time zone in which the tenant with this slug counts its days and shows its times. */
    public ZoneId zoneOf(String slug) {
        return require(slug).zone();
    }

    public Tenant acceptingReports(String slug) {
        Tenant tenant = require(slug);
        tenant.requireAcceptingReports();
        return tenant;
    }
}
