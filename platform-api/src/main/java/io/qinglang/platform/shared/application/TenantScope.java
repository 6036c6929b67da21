package io.qinglang.platform.shared.application;

import io.qinglang.platform.shared.domain.TenantId;

import java.util.Optional;

/**
 * The tenant the current thread works for. Persistence reads it for both walls of tenant isolation
 * (EclipseLink's tenant discriminator and PostgreSQL's row-level security setting), so work that
 * never entered a scope sees no tenant data at all: isolation fails closed.
 *
 * <p>Entered only through {@link TenantTransactions}; nested scopes for another tenant are refused,
 * so one unit of work can never mix two tenants.
 */
public final class TenantScope implements AutoCloseable {

    private static final ThreadLocal<TenantId> CURRENT = new ThreadLocal<>();

    private final TenantId previous;

    private TenantScope(TenantId previous) {
        this.previous = previous;
    }

    public static TenantScope enter(TenantId tenant) {
        TenantId previous = CURRENT.get();
        if (previous != null && !previous.equals(tenant)) {
            throw new IllegalStateException("already working for another tenant");
        }
        CURRENT.set(tenant);
        return new TenantScope(previous);
    }

    public static Optional<TenantId> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    @Override
    public void close() {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }
}
