package io.qinglang.infra.persistence;

import io.qinglang.platform.shared.application.TenantScope;
import io.qinglang.platform.shared.application.TenantTransactions;
import io.qinglang.platform.shared.domain.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.function.Supplier;

/**
 * Enters the tenant scope before the JTA transaction begins, so the connection the transaction borrows is
 * set to that tenant from its first statement.
 */
@ApplicationScoped
public class JtaTenantTransactions implements TenantTransactions {

    private final TransactionBoundary boundary;

    @Inject
    public JtaTenantTransactions(TransactionBoundary boundary) {
        this.boundary = boundary;
    }

    @Override
    public <T> T inTenant(TenantId tenant, Supplier<T> work) {
        try (TenantScope ignored = TenantScope.enter(tenant)) {
            return boundary.required(work);
        }
    }

    @Override
    public <T> T platform(Supplier<T> work) {
        return boundary.required(work);
    }
}
