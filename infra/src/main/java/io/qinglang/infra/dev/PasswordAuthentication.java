package io.qinglang.infra.dev;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Makes TCP logins need a password. zonky creates the cluster with trust authentication, which
 * accepts any password: a wrong password in the application's configuration would go unnoticed
 * until production. Local socket logins stay trusted; only the account running PostgreSQL can use
 * them.
 */
final class PasswordAuthentication {

    private static final String MARKER = "# Written by Qinglang DevPostgres";

    private static final String RULES = MARKER + """
            : TCP logins need a password, as in production.
            # TYPE  DATABASE  USER  ADDRESS       METHOD
            local   all       all                 trust
            host    all       all   127.0.0.1/32  scram-sha-256
            host    all       all   ::1/128       scram-sha-256
            """;

    private PasswordAuthentication() {
    }

    /**
     * Replaces the cluster's {@code pg_hba.conf} unless it is already ours.
     *
     * @return whether the file changed, in which case the server must reload its configuration
     */
    static boolean require(Path dataDirectory) throws IOException {
        Path rules = dataDirectory.resolve("pg_hba.conf");
        if (Files.readString(rules).startsWith(MARKER)) {
            return false;
        }
        Files.writeString(rules, RULES); // rewrites in place, so the file keeps its owner
        return true;
    }
}
