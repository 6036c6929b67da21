package io.qinglang.platform.tenants.domain;

import io.qinglang.platform.shared.domain.TenantId;

import java.util.List;
import java.util.Optional;

/** The registry of tenants. Platform data: it is not itself confined to a tenant. */
public interface TenantRepository {

    void add(Tenant tenant);

    Optional<Tenant> find(TenantId id);

    Optional<Tenant> findBySlug(String slug);

    List<Tenant> list();
}
