package io.qinglang.platform.tenants.domain;

import io.qinglang.platform.shared.domain.DomainException;

/** The tenant has been suspended by the platform operator and accepts no reports. */
public class TenantSuspended extends DomainException {

    public TenantSuspended(String slug, TenantStatus status) {
        super("TENANT_SUSPENDED", Kind.FORBIDDEN, "Tenant " + slug + switch (status) {
            case LEAVING -> " is leaving the platform";
            case LEFT -> " has left the platform";
            default -> " is suspended";
        } + " and accepts no reports.");
    }
}
