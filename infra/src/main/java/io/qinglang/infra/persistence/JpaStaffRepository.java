package io.qinglang.infra.persistence;

import io.qinglang.platform.tenants.domain.Department;
import io.qinglang.platform.tenants.domain.StaffProfile;
import io.qinglang.platform.tenants.domain.StaffRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;

/** Departments and staff profiles of the tenant in scope. */
@ApplicationScoped
public class JpaStaffRepository implements StaffRepository {

    private final TenantEntities entities;

    @Inject
    public JpaStaffRepository(TenantEntities entities) {
        this.entities = entities;
    }

    @Override
    public List<Department> departments() {
        return entities.forTenant().createQuery("select d from Department d order by d.code", Department.class)
                .getResultList();
    }

    @Override
    public Optional<Department> department(String code) {
        return entities.forTenant().createQuery("select d from Department d where d.code = :code", Department.class)
                .setParameter("code", code).getResultStream().findFirst();
    }

    @Override
    public void add(Department department) {
        entities.forTenant().persist(department);
    }

    @Override
    public List<StaffProfile> profiles() {
        return entities.forTenant().createQuery("select p from StaffProfile p order by p.username", StaffProfile.class)
                .getResultList();
    }

    @Override
    public Optional<StaffProfile> profile(String userId) {
        return entities.forTenant().createQuery("select p from StaffProfile p where p.userId = :id", StaffProfile.class)
                .setParameter("id", userId).getResultStream().findFirst();
    }

    @Override
    public void add(StaffProfile profile) {
        entities.forTenant().persist(profile);
    }

    @Override
    public boolean deactivated(String userId) {
        return !entities.forTenant().createQuery("select p.userId from StaffProfile p where p.userId = :id "
                + "and p.deactivatedAt is not null", String.class).setParameter("id", userId).getResultList().isEmpty();
    }

    @Override
    public void flush() {
        entities.forTenant().flush();
    }
}
