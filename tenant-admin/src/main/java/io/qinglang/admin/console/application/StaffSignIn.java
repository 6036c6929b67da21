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
 * bodies works in the first (by slug). The platform operator ({@code platform-admin}) needs no body: their session
 * names none, and it opens only the operator's pages.
 */
@ApplicationScoped
public class StaffSignIn {

    /** The roles of a body's staff. */
    static final Set<String> STAFF_ROLES = Set.of("handler", "supervisor", "tenant-admin");
    /** The platform operator's role: onboards and watches over bodies, never works in one. */
    public static final String OPERATOR = "platform-admin";

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
        String tenant = new TreeSet<>(account.organizations()).stream().filter(slug -> tenants.find(slug).isPresent())
                .findFirst().orElse(null);
        if ((roles.isEmpty() || tenant == null) && account.roles().contains(OPERATOR)) {
            return new Outcome(open(null, Set.of(OPERATOR), account), null);
        }
        if (roles.isEmpty()) {
            return new Outcome(null, "NO_STAFF_ROLE");
        }
        if (tenant == null) {
            return new Outcome(null, "NO_BODY");
        }
        if (standing.deactivated(tenant, account.userId())) {
            return new Outcome(null, "DEACTIVATED");
        }
        return new Outcome(open(tenant, roles, account), null);
    }

    private String open(String tenant, Set<String> roles, Account account) {
        Instant now = clock.instant();
        return sessions.open(new ConsoleSession(tenant, account.userId(), account.username(), account.displayName(),
                roles, account.idToken(), ConsoleSessions.randomKey(), now));
    }
}
