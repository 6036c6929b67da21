package io.qinglang.platform.tenants.domain;

import io.qinglang.platform.shared.domain.DomainException;

/** The tenant already is what the operator asked it to become (suspended twice, or reactivated while active). */
public class TenantStatusUnchanged extends DomainException {

    private final TenantStatus status;

    public TenantStatusUnchanged(String slug, TenantStatus status) {
        super("TENANT_STATUS_UNCHANGED", Kind.CONFLICT, "Tenant " + slug + " is already " + status.name().toLowerCase(java.util.Locale.ROOT) + ".");
        this.status = status;
    }

    public TenantStatus status() {
        return status;
    }
}
