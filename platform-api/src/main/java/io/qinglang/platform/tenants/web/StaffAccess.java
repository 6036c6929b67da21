package io.qinglang.platform.tenants.web;

import io.qinglang.platform.shared.domain.DomainException;
import io.qinglang.platform.tenants.application.StaffStanding;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Confines staff to their own tenant: the tenant named in the path must be one of the organizations in
 * the caller's token, whatever the path says, and the account must not have been deactivated there. Roles are
 * checked separately by {@code @RolesAllowed}.
 */
@RequestScoped
public class StaffAccess {

    public static final String ORGANIZATION_CLAIM = "organization";

    private final JsonWebToken token;
    private final StaffStanding standing;

    @Inject
    public StaffAccess(JsonWebToken token, StaffStanding standing) {
        this.token = token;
        this.standing = standing;
    }

    /** Refuses unless the caller belongs to the tenant with this slug and was not deactivated there. */
    public void requireMemberOf(String tenantSlug) {
        if (!organizations().contains(tenantSlug)) {
            throw new TenantAccessDenied(tenantSlug);
        }
        if (standing.deactivated(tenantSlug, userId())) {
            throw new StaffDeactivated(tenantSlug);
        }
    }

    /** The caller's account id at the identity provider (the token's subject). */
    public String userId() {
        return token.getSubject();
    }

    /** The caller's name for audit records: the token's upn, preferred_username or subject. */
    public String subject() {
        return token.getName() != null ? token.getName() : token.getSubject();
    }

    /** The organization aliases in the token; Keycloak writes them as a list, or as a map keyed by alias. */
    Set<String> organizations() {
        return organizationsIn(token == null ? null : token.getClaim(ORGANIZATION_CLAIM));
    }

    /** The organization aliases in a token's {@value #ORGANIZATION_CLAIM} claim, whichever form Keycloak wrote. */
    public static Set<String> organizationsIn(Object claim) {
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

    /** A tenant admin deactivated the caller's account; tokens issued before are refused too. */
    public static final class StaffDeactivated extends DomainException {
        StaffDeactivated(String slug) {
            super("STAFF_DEACTIVATED", Kind.FORBIDDEN, "Your account was deactivated at tenant " + slug + ".");
        }
    }

    /** The caller's token does not belong to the tenant it tried to act on. */
    public static final class TenantAccessDenied extends DomainException {
        TenantAccessDenied(String slug) {
            super("TENANT_ACCESS_DENIED", Kind.FORBIDDEN, "Your account does not belong to tenant " + slug + ".");
        }
    }
}
