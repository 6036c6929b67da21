package io.qinglang.platform.tenants.domain;

import io.qinglang.platform.shared.domain.DomainException;

/** The tenant has been suspended by the platform operator and accepts no reports. */
public class TenantSuspended extends DomainException {

    public TenantSuspended(String slug) {
        super("TENANT_SUSPENDED", Kind.FORBIDDEN, "Tenant " + slug + " is suspended and accepts no reports.");
    }
}
