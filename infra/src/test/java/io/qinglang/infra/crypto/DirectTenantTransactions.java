package io.qinglang.infra.crypto;

import io.qinglang.platform.shared.application.TenantTransactions;
import io.qinglang.platform.shared.domain.TenantId;
import java.util.function.Supplier;

/** Runs the work at once, with no database transaction. */
final class DirectTenantTransactions implements TenantTransactions {

    @Override
    public <T> T inTenant(TenantId tenant, Supplier<T> work) {
        return work.get();
    }

    @Override
    public <T> T platform(Supplier<T> work) {
        return work.get();
    }
}
