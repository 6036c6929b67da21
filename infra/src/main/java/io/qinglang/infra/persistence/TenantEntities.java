package io.qinglang.infra.persistence;

import io.qinglang.platform.shared.application.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The first wall of tenant isolation: the transaction's entity manager, told which tenant it works for so
 * that EclipseLink adds {@code tenant_id} to every query and insert of a multitenant entity (see
 * META-INF/eclipselink-orm.xml). Outside a tenant scope tenant data is refused outright.
 */
@ApplicationScoped
public class TenantEntities {

    /** The EclipseLink context property that carries the tenant discriminator value. */
    public static final String TENANT_PROPERTY = "qinglang.tenant";

    @PersistenceContext(unitName = "qinglang")
    private EntityManager em;

    public EntityManager forTenant() {
        String tenant = TenantScope.current().orElseThrow(NoTenantInScope::new).toString();
        em.setProperty(TENANT_PROPERTY, tenant);
        return em;
    }

    /** For platform data (the tenant registry), which is not confined to a tenant. */
    public EntityManager platform() {
        return em;
    }

    /** Tenant data was touched outside any tenant scope: a programming error, refused rather than guessed. */
    public static final class NoTenantInScope extends IllegalStateException {
        NoTenantInScope() {
            super("tenant data accessed outside a tenant scope");
        }
    }
}
