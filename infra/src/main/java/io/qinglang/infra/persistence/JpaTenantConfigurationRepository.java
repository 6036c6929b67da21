package io.qinglang.infra.persistence;

import io.qinglang.platform.tenants.domain.Category;
import io.qinglang.platform.tenants.domain.Channel;
import io.qinglang.platform.tenants.domain.DisclosureSettings;
import io.qinglang.platform.tenants.domain.TenantConfigurationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;

/** Channels, categories and disclosure settings of the tenant in scope. */
@ApplicationScoped
public class JpaTenantConfigurationRepository implements TenantConfigurationRepository {

    private final TenantEntities entities;

    @Inject
    public JpaTenantConfigurationRepository(TenantEntities entities) {
        this.entities = entities;
    }

    @Override
    public void add(Channel channel) {
        entities.forTenant().persist(channel);
    }

    @Override
    public void add(Category category) {
        entities.forTenant().persist(category);
    }

    @Override
    public List<Channel> channels() {
        return entities.forTenant().createQuery("select c from Channel c order by c.code", Channel.class).getResultList();
    }

    @Override
    public List<Category> categories() {
        return entities.forTenant().createQuery("select c from Category c order by c.sortOrder, c.code", Category.class)
                .getResultList();
    }

    @Override
    public Optional<Channel> channel(String code) {
        return entities.forTenant().createQuery("select c from Channel c where c.code = :code", Channel.class)
                .setParameter("code", code).getResultStream().findFirst();
    }

    @Override
    public Optional<Category> category(String code) {
        return entities.forTenant().createQuery("select c from Category c where c.code = :code", Category.class)
                .setParameter("code", code).getResultStream().findFirst();
    }

    @Override
    public DisclosureSettings disclosure() {
        return entities.forTenant().createQuery("select d from DisclosureSettings d", DisclosureSettings.class)
                .getResultStream().findFirst().orElseGet(DisclosureSettings::defaults);
    }

    @Override
    public void save(DisclosureSettings settings) {
        var em = entities.forTenant();
        if (!em.contains(settings)) {
            em.persist(settings);
        }
        em.flush();
    }
}
