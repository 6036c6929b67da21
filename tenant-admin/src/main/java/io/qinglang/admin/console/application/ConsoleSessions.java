package io.qinglang.admin.console.application;

import io.qinglang.platform.shared.application.AttemptLimiter;
import io.qinglang.platform.shared.application.SecretHasher;
import io.qinglang.platform.shared.application.SharedCounters;
import io.qinglang.platform.shared.application.TenantTransactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Console sessions kept on the server: the browser holds only a random key (256 bits) in an HTTP-only cookie, the
 * store only its SHA-256. A session ends after {@code qinglang.console.idle-minutes} without a request, at sign-out,
 * or when its account is deactivated; a new key is made at every sign-in, so a key planted before it is worthless.
 */
@ApplicationScoped
public class ConsoleSessions {

    /** How long the identity provider's login page may take before the sign-in must start again. */
    public static final Duration SIGN_IN_TIME = Duration.ofMinutes(15);
    /** Sign-ins one client address may begin in a minute: each keeps a row for a quarter of an hour. */
    static final int SIGN_INS_PER_MINUTE = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TenantTransactions transactions;
    private final SessionStore store;
    private final Duration idle;
    private final Duration maxAge;
    private final Clock clock;
    private final AttemptLimiter signIns;

    @Inject
    public ConsoleSessions(TenantTransactions transactions, SessionStore store,
                           @ConfigProperty(name = "qinglang.console.idle-minutes", defaultValue = "30") int idleMinutes,
                           @ConfigProperty(name = "qinglang.console.max-hours", defaultValue = "10") int maxHours,
                           SharedCounters counters, SecretHasher hasher, Clock clock) {
        this(transactions, store, Duration.ofMinutes(idleMinutes), Duration.ofHours(maxHours), counters, hasher, clock);
    }

    ConsoleSessions(TenantTransactions transactions, SessionStore store, Duration idle, Duration maxAge,
                    SharedCounters counters, SecretHasher hasher, Clock clock) {
        if (idle.isNegative() || idle.isZero() || maxAge.compareTo(idle) < 0) {
            throw new IllegalArgumentException("qinglang.console.idle-minutes must be at least 1, and "
                    + "qinglang.console.max-hours at least as long");
        }
        this.transactions = transactions;
        this.store = store;
        this.idle = idle;
        this.maxAge = maxAge;
        this.clock = clock;
        this.signIns = new AttemptLimiter("console sign-in", "address", SIGN_INS_PER_MINUTE, Duration.ofMinutes(1),
                counters, hasher, clock);
    }

    /** Starts a sign-in from this client address (at most {@value #SIGN_INS_PER_MINUTE} a minute); returns the key for the browser's sign-in cookie. */
    public String beginSignIn(PendingSignIn pending, String clientAddress) {
        signIns.acquire(clientAddress);
        String key = randomKey();
        Instant now = clock.instant();
        transactions.platform(() -> {
            store.savePending(hash(key), pending, now, now.plus(SIGN_IN_TIME));
            return null;
        });
        return key;
    }

    /** The sign-in this browser began, once; empty if it never began, was used, or took too long. */
    public Optional<PendingSignIn> finishSignIn(String key) {
        if (!wellFormed(key)) {
            return Optional.empty();
        }
        return transactions.platform(() -> store.takePending(hash(key), clock.instant()));
    }

    /** Opens a session; returns the new key for the browser's session cookie. */
    public String open(ConsoleSession session) {
        String key = randomKey();
        Instant now = clock.instant();
        transactions.platform(() -> {
            store.save(hash(key), session, now, now.plus(idle));
            return null;
        });
        return key;
    }

    /**
     * The session this key opens, if it is still alive: used within the idle period and opened less than the maximum
     * age ago (after which the account's roles and body are read afresh by signing in again); a request keeps it alive
     * for another idle period.
     */
    public Optional<ConsoleSession> find(String key) {
        if (!wellFormed(key)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return transactions.platform(() -> store.touch(hash(key), now, now.minus(maxAge), now.plus(idle)));
    }

    public void close(String key) {
        if (wellFormed(key)) {
            transactions.platform(() -> {
                store.delete(hash(key));
                return null;
            });
        }
    }

    /** Forgets expired sessions and abandoned sign-ins (a periodic job). */
    public int purgeExpired() {
        return transactions.platform(() -> store.purgeExpired(clock.instant()));
    }

    /** A new random token, 256 bits, URL-safe: session keys and CSRF tokens. */
    public static String randomKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static boolean wellFormed(String key) {
        return key != null && key.matches("[A-Za-z0-9_-]{43}");
    }

    static byte[] hash(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
