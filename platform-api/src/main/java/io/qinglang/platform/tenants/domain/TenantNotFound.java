package io.qinglang.platform.tenants.domain;

import io.qinglang.platform.shared.domain.NotFound;

/** No tenant answers to the given slug. */
public class TenantNotFound extends NotFound {

    public TenantNotFound(String slug) {
        super("TENANT_NOT_FOUND", "No tenant " + slug + ".");
    }
}
