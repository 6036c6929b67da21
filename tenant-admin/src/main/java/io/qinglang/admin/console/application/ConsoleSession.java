package io.qinglang.admin.console.application;

import java.time.Instant;
import java.util.Set;

/**
 * A member of staff signed in to the console: the tenant is the one their token's organization named at sign-in,
 * never one an address names. {@code csrfToken} is repeated in every form the session's pages hold.
 *
 * @param tenant      the tenant's slug, or {@code null} for the platform operator
 * @param userId      the account's id at the identity provider (the token's subject)
 * @param username    the name audit records and assignments carry (the token's upn)
 * @param displayName how the pages greet them
 * @param roles       the staff roles the token carried (handler, supervisor, tenant-admin, platform-admin)
 * @param idToken     the ID token, sent back as the hint when signing out of the identity provider too
 */
public record ConsoleSession(String tenant, String userId, String username, String displayName, Set<String> roles,
                             String idToken, String csrfToken, Instant signedInAt) {

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean hasAny(String... wanted) {
        for (String role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }
}
