package io.qinglang.infra.persistence;

import io.qinglang.admin.console.application.ConsoleSession;
import io.qinglang.admin.console.application.PendingSignIn;
import io.qinglang.admin.console.application.SessionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Console sessions in {@code console_sessions}, shared by every node. A session's idle expiry is moved at most once
 * a minute, so browsing the console does not write a row per page.
 */
@ApplicationScoped
public class SqlConsoleSessions implements SessionStore {

    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final TenantEntities entities;

    @Inject
    public SqlConsoleSessions(TenantEntities entities) {
        this.entities = entities;
    }

    @Override
    public void savePending(byte[] idHash, PendingSignIn p, Instant now, Instant expiresAt) {
        entities.platform().createNativeQuery("insert into console_sessions (id_hash, kind, csrf_token, state, nonce, "
                        + "code_verifier, return_to, language, created_at, last_seen_at, expires_at) "
                        + "values (?1, 'SIGN_IN', '-', ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8)")
                .setParameter(1, idHash).setParameter(2, p.state()).setParameter(3, p.nonce())
                .setParameter(4, p.codeVerifier()).setParameter(5, p.returnTo()).setParameter(6, p.language())
                .setParameter(7, Timestamp.from(now)).setParameter(8, Timestamp.from(expiresAt)).executeUpdate();
    }

    @Override
    public Optional<PendingSignIn> takePending(byte[] idHash, Instant now) {
        List<?> rows = entities.platform().createNativeQuery("delete from console_sessions where id_hash = ?1 "
                        + "and kind = 'SIGN_IN' returning state, nonce, code_verifier, return_to, language, expires_at")
                .setParameter(1, idHash).getResultList();
        return rows.stream().map(Object[].class::cast)
                .filter(r -> instant(r[5]).isAfter(now))
                .map(r -> new PendingSignIn((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4]))
                .findFirst();
    }

    @Override
    public void save(byte[] idHash, ConsoleSession s, Instant now, Instant expiresAt) {
        entities.platform().createNativeQuery("insert into console_sessions (id_hash, kind, tenant_slug, user_id, "
                        + "username, display_name, roles, id_token, csrf_token, created_at, last_seen_at, expires_at) "
                        + "values (?1, 'SESSION', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10)")
                .setParameter(1, idHash).setParameter(2, s.tenant()).setParameter(3, s.userId())
                .setParameter(4, s.username()).setParameter(5, s.displayName())
                .setParameter(6, String.join(" ", s.roles())).setParameter(7, s.idToken())
                .setParameter(8, s.csrfToken()).setParameter(9, Timestamp.from(now))
                .setParameter(10, Timestamp.from(expiresAt)).executeUpdate();
    }

    @Override
    public Optional<ConsoleSession> touch(byte[] idHash, Instant now, Instant openedAfter, Instant expiresAt) {
        List<?> rows = entities.platform().createNativeQuery("select tenant_slug, user_id, username, display_name, "
                        + "roles, id_token, csrf_token, created_at, last_seen_at from console_sessions "
                        + "where id_hash = ?1 and kind = 'SESSION' and expires_at > ?2 and created_at > ?3")
                .setParameter(1, idHash).setParameter(2, Timestamp.from(now)).setParameter(3, Timestamp.from(openedAfter))
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) rows.getFirst();
        if (instant(r[8]).plus(TOUCH_EVERY).isBefore(now)) {
            entities.platform().createNativeQuery("update console_sessions set last_seen_at = ?2, expires_at = ?3 "
                            + "where id_hash = ?1")
                    .setParameter(1, idHash).setParameter(2, Timestamp.from(now))
                    .setParameter(3, Timestamp.from(expiresAt)).executeUpdate();
        }
        Set<String> roles = Arrays.stream(((String) r[4]).split(" ")).filter(x -> !x.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        return Optional.of(new ConsoleSession((String) r[0], (String) r[1], (String) r[2], (String) r[3], roles,
                (String) r[5], (String) r[6], instant(r[7])));
    }

    @Override
    public void delete(byte[] idHash) {
        entities.platform().createNativeQuery("delete from console_sessions where id_hash = ?1")
                .setParameter(1, idHash).executeUpdate();
    }

    @Override
    public int purgeExpired(Instant now) {
        return entities.platform().createNativeQuery("delete from console_sessions where expires_at <= ?1")
                .setParameter(1, Timestamp.from(now)).executeUpdate();
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp t ? t.toInstant() : value instanceof java.time.OffsetDateTime o
                ? o.toInstant() : (Instant) value;
    }
}
