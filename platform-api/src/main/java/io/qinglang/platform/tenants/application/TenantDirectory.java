package io.qinglang.platform.tenants.application;

import io.qinglang.platform.shared.application.TenantTransactions;
import io.qinglang.platform.shared.domain.TenantId;
import io.qinglang.platform.tenants.domain.Tenant;
import io.qinglang.platform.tenants.domain.TenantNotFound;
import io.qinglang.platform.tenants.domain.TenantRepository;
import io.qinglang.platform.tenants.domain.TenantStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Supplier;

/** Finds the tenant a public request addresses by its slug (platform data, read outside any tenant scope). */
@ApplicationScoped
public class TenantDirectory {

    private final TenantTransactions transactions;
    private final TenantRepository tenants;
    /** Slugs never change and tenants are never deleted, so a slug's tenant, once found, is known for good. */
    private final java.util.concurrent.ConcurrentHashMap<String, TenantId> ids = new java.util.concurrent.ConcurrentHashMap<>();

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

    /**
     * The identifier of the tenant with this slug; {@link TenantNotFound} if there is none. Read once per slug and
     * node: what may change of a tenant (its status, settings) is read where it matters, in the request's transaction.
     */
    public TenantId idOf(String slug) {
        TenantId known = ids.get(slug);
        if (known != null) {
            return known;
        }
        TenantId id = require(slug).id();
        ids.put(slug, id);
        return id;
    }

    /** The identifier of the tenant with this slug, if there is one (known once found, as {@link #idOf}). */
    public Optional<TenantId> findId(String slug) {
        try {
            return Optional.of(idOf(slug));
        } catch (TenantNotFound e) {
            return Optional.empty();
        }
    }

    /** The tenant as it is now, read in the caller's transaction (joined, not one of its own). */
    public Tenant current(TenantId id) {
        return transactions.platform(() -> tenants.find(id)).orElseThrow(() -> new IllegalStateException(
                "tenant " + id + " is gone"));
    }

    /** The time zone in which the tenant with this slug counts its days and shows its times. */
    public ZoneId zoneOf(String slug) {
        return require(slug).zone();
    }

    /**
     * The tenant with this slug if it is active; if it is suspended, leaving or gone, what {@code otherwise} makes
     * (public routes answer as if such a tenant had published nothing).
     */
    public Tenant active(String slug, Supplier<? extends RuntimeException> otherwise) {
        Tenant tenant = require(slug);
        if (tenant.status() != TenantStatus.ACTIVE) {
            throw otherwise.get();
        }
        return tenant;
    }

    public Tenant acceptingReports(String slug) {
        Tenant tenant = require(slug);
        tenant.requireAcceptingReports();
        return tenant;
    }
}
