package io.qinglang.platform.shared.application;

import io.qinglang.platform.shared.domain.TenantId;

import java.util.function.Supplier;

/**
 * Runs a unit of work in one database transaction. Tenant work runs inside the tenant's scope, so
 * every query is confined to that tenant; platform work (the tenant registry) runs with no tenant
 * and therefore sees no tenant-owned rows.
 */
public interface TenantTransactions {

    <T> T inTenant(TenantId tenant, Supplier<T> work);

    <T> T platform(Supplier<T> work);

    default void inTenant(TenantId tenant, Runnable work) {
        inTenant(tenant, () -> {
            work.run();
            return null;
        });
    }
}
