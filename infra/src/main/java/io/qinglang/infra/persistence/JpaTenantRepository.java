package io.qinglang.infra.persistence;

import io.qinglang.platform.shared.domain.TenantId;
import io.qinglang.platform.tenants.domain.Tenant;
import io.qinglang.platform.tenants.domain.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;

/** The tenant registry in the {@code tenants} table. */
@ApplicationScoped
public class JpaTenantRepository implements TenantRepository {

    private final TenantEntities entities;

    @Inject
    public JpaTenantRepository(TenantEntities entities) {
        this.entities = entities;
    }

    @Override
    public void add(Tenant tenant) {
        entities.platform().persist(tenant);
        entities.platform().flush();
    }

    @Override
    public Optional<Tenant> find(TenantId id) {
        return Optional.ofNullable(entities.platform().find(Tenant.class, id.value()));
    }

    @Override
    public Optional<Tenant> findBySlug(String slug) {
        if (!TenantRepository.canBeSlug(slug)) {
            return Optional.empty();
        }
        return entities.platform().createQuery("select t from Tenant t where t.slug = :slug", Tenant.class)
                .setParameter("slug", slug).getResultStream().findFirst();
    }

    @Override
    public List<Tenant> list() {
        return entities.platform().createQuery("select t from Tenant t order by t.createdAt", Tenant.class)
                .getResultList();
    }
}
