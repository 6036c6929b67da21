package io.qinglang.admin.health.application;

/**
 * One thing the platform depends on, asked whether it answers (the database, the identity provider, the mail server).
 * Implemented in infra; each keeps its own calls short, and {@link PlatformHealth} cuts off any that takes too long.
 */
public interface DependencyCheck {

    /** A stable name: {@code database}, {@code keycloak}, {@code mail}. */
    String name();

    /**
     * Asks, and says what answered (e.g. {@code localhost:2525 answered EHLO}); throws when it did not answer as it
     * should, with a message saying what went wrong.
     */
    String check() throws Exception;
}
