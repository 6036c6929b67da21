package io.qinglang.platform.shared.web;

import io.qinglang.platform.shared.domain.DomainException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Confines staff to their own tenant: the tenant named in the path must be one of the organizations in
 * the caller's token, whatever the path says. Roles are checked separately by {@code @RolesAllowed}.
 */
@RequestScoped
public class StaffAccess {

    static final String ORGANIZATION_CLAIM = "organization";

    private final JsonWebToken token;

    @Inject
    public StaffAccess(JsonWebToken token) {
        this.token = token;
    }

    /** Refuses unless the caller belongs to the tenant with this slug. */
    public void requireMemberOf(String tenantSlug) {
        if (!organizations().contains(tenantSlug)) {
            throw new TenantAccessDenied(tenantSlug);
        }
    }

    /** The caller's name for audit records: the token's upn, preferred_username or subject. */
    public String subject() {
        return token.getName() != null ? token.getName() : token.getSubject();
    }

    /** The organization aliases in the token; Keycloak writes them as a list, or as a map keyed by alias. */
    Set<String> organizations() {
        Object claim = token == null ? null : token.getClaim(ORGANIZATION_CLAIM);
        if (claim instanceof Map<?, ?> map) {
            return map.keySet().stream().map(String::valueOf).collect(Collectors.toSet());
        }
        if (claim instanceof Collection<?> list) {
            return list.stream().map(StaffAccess::text).collect(Collectors.toSet());
        }
        return claim == null ? Set.of() : Set.of(text(claim));
    }

    private static String text(Object value) {
        String s = String.valueOf(value);
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    /** The caller's token does not belong to the tenant it tried to act on. */
    public static final class TenantAccessDenied extends DomainException {
        TenantAccessDenied(String slug) {
            super("TENANT_ACCESS_DENIED", Kind.FORBIDDEN, "Your account does not belong to tenant " + slug + ".");
        }
    }
}
