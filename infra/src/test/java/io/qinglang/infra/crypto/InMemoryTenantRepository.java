package io.qinglang.infra.crypto;

import io.qinglang.platform.shared.domain.TenantId;
import io.qinglang.platform.tenants.domain.Tenant;
import io.qinglang.platform.tenants.domain.TenantRepository;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The tenant registry in a map; counts look-ups so tests can see the data key being cached. */
final class InMemoryTenantRepository implements TenantRepository {

    private final Map<TenantId, Tenant> tenants = new LinkedHashMap<>();
    private int lookups;

    @Override
    public void add(Tenant tenant) {
        tenants.put(tenant.id(), tenant);
    }

    @Override
    public Optional<Tenant> find(TenantId id) {
        lookups++;
        return Optional.ofNullable(tenants.get(id));
    }

    @Override
    public Optional<Tenant> findBySlug(String slug) {
        return tenants.values().stream().filter(t -> t.slug().equals(slug)).findFirst();
    }

    @Override
    public List<Tenant> list() {
        return new ArrayList<>(tenants.values());
    }

    int lookups() {
        return lookups;
    }
}
