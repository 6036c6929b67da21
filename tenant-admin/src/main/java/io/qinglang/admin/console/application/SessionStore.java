package io.qinglang.admin.console.application;

import java.time.Instant;
import java.util.Optional;

/** Where console sessions and sign-ins under way are kept, shared by every node; keyed by a hash of the cookie. */
public interface SessionStore {

    void savePending(byte[] idHash, PendingSignIn pending, Instant now, Instant expiresAt);

    /** The sign-in under way with this key, removed as it is read: an answer can be used once. */
    Optional<PendingSignIn> takePending(byte[] idHash, Instant now);

    void save(byte[] idHash, ConsoleSession session, Instant now, Instant expiresAt);

    /** The session, if it has not expired and was opened after {@code openedAfter}; its idle expiry then moves to {@code expiresAt}. */
    Optional<ConsoleSession> touch(byte[] idHash, Instant now, Instant openedAfter, Instant expiresAt);

    void delete(byte[] idHash);

    /** Forgets every expired session and sign-in; returns how many. */
    int purgeExpired(Instant now);
}
