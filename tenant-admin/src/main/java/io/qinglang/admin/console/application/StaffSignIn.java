package io.qinglang.admin.console.application;

import io.qinglang.platform.tenants.application.StaffStanding;
import io.qinglang.platform.tenants.application.TenantDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Decides whether a signed-in account may work in the console: it needs a staff role and membership of a body on the
 * platform where it was not deactivated. The body is the one the token's organization names; an account in several
 * bodies works in the first (by slug). (The platform operator's pages, which need no body, are yet to come.)
 */
@ApplicationScoped
public class StaffSignIn {

    /** The roles the console's pages serve so far (the operator's pages are yet to come). */
    static final Set<String> STAFF_ROLES = Set.of("handler", "supervisor", "tenant-admin");

    private final TenantDirectory tenants;
    private final StaffStanding standing;
    private final ConsoleSessions sessions;
    private final Clock clock;

    /** Who the identity provider says signed in. */
    public record Account(String userId, String username, String displayName, Collection<String> roles,
                          Set<String> organizations, String idToken) {
    }

    /** The outcome: a session's key, or why there is none ({@code NO_STAFF_ROLE}, {@code NO_BODY}, {@code DEACTIVATED}). */
    public record Outcome(String sessionKey, String refusal) {
        public boolean admitted() {
            return sessionKey != null;
        }
    }

    @Inject
    public StaffSignIn(TenantDirectory tenants, StaffStanding standing, ConsoleSessions sessions, Clock clock) {
        this.tenants = tenants;
        this.standing = standing;
        this.sessions = sessions;
        this.clock = clock;
    }

    public Outcome admit(Account account) {
        Set<String> roles = account.roles().stream().filter(STAFF_ROLES::contains).collect(Collectors.toUnmodifiableSet());
        if (roles.isEmpty()) {
            return new Outcome(null, "NO_STAFF_ROLE");
        }
        String tenant = new TreeSet<>(account.organizations()).stream().filter(slug -> tenants.find(slug).isPresent())
                .findFirst().orElse(null);
        if (tenant == null) {
            return new Outcome(null, "NO_BODY");
        }
        if (standing.deactivated(tenant, account.userId())) {
            return new Outcome(null, "DEACTIVATED");
        }
        Instant now = clock.instant();
        String key = sessions.open(new ConsoleSession(tenant, account.userId(), account.username(),
                account.displayName(), roles, account.idToken(), ConsoleSessions.randomKey(), now));
        return new Outcome(key, null);
    }
}
