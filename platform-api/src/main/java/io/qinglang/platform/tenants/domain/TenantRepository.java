package io.qinglang.platform.tenants.domain;

import io.qinglang.platform.shared.domain.TenantId;

import java.util.List;
import java.util.Optional;

/** The registry of tenants. Platform data: it is not itself confined to a tenant. */
public interface TenantRepository {

    void add(Tenant tenant);

    Optional<Tenant> find(TenantId id);

    /** The tenant with this slug; none for a text no slug can be (a NUL byte, say, which the database refuses). */
    Optional<Tenant> findBySlug(String slug);

    /** Whether a text can be a tenant's slug at all: 1–40 lower-case letters, digits and hyphens. */
    static boolean canBeSlug(String text) {
        return text != null && text.length() <= 40 && !text.isEmpty()
                && text.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-');
    }

    List<Tenant> list();
}
