package io.qinglang.platform.shared.application;

import io.qinglang.platform.shared.domain.TenantId;

import java.util.function.Supplier;

/** Runs the work at once, with no database transaction: for tests of services without a database. */
public final class DirectTenantTransactions implements TenantTransactions {

    @Override
    public <T> T inTenant(TenantId tenant, Supplier<T> work) {
        return work.get();
    }

    @Override
    public <T> T platform(Supplier<T> work) {
        return work.get();
    }
}
