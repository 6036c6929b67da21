package io.qinglang.admin.onboarding.application;

import io.qinglang.platform.shared.domain.DomainException;

/** Another tenant already uses this slug. */
public class TenantSlugTaken extends DomainException {

    public TenantSlugTaken(String slug) {
        super("TENANT_SLUG_TAKEN", Kind.CONFLICT, "The slug " + slug + " is already taken.");
    }
}
