package io.qinglang.infra.dev;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The databases and roles Qinglang expects, created when missing and brought up to date when
 * present, so starting on an existing data folder ends in the same state as starting on a new one.
 * The application role is deliberately weak: row-level security is the second wall between
 * tenants, and a superuser or a BYPASSRLS role would walk straight through it.
 */
final class DatabaseProvisioning {

    private DatabaseProvisioning() {
    }

    /** Applies everything through {@code owner}, a superuser connection. */
    static void apply(Connection owner, String ownerPassword, String appPassword) throws SQLException {
        ensureDatabase(owner, DevPostgres.APP_DATABASE);
        ensureDatabase(owner, DevPostgres.KEYCLOAK_DATABASE);
        ensureAppRole(owner, appPassword);
        execute(owner, ddl(owner, "ALTER ROLE %I PASSWORD %L", DevPostgres.OWNER_USER, ownerPassword));
        // Keycloak's tables are none of the application's business
        execute(owner, ddl(owner, "REVOKE CONNECT ON DATABASE %I FROM PUBLIC", DevPostgres.KEYCLOAK_DATABASE));
    }

    private static void ensureDatabase(Connection owner, String name) throws SQLException {
        if (!exists(owner, "SELECT 1 FROM pg_database WHERE datname = ?", name)) {
            execute(owner, ddl(owner, "CREATE DATABASE %I", name));
        }
    }

    private static void ensureAppRole(Connection owner, String password) throws SQLException {
        String verb = exists(owner, "SELECT 1 FROM pg_roles WHERE rolname = ?", DevPostgres.APP_USER) ? "ALTER" : "CREATE";
        execute(owner, ddl(owner, verb + " ROLE %I LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD %L",
                DevPostgres.APP_USER, password));
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** DDL takes no bind parameters; the server's own {@code format()} quotes names and literals. */
    private static String ddl(Connection connection, String template, String... arguments) throws SQLException {
        String placeholders = ", ?".repeat(arguments.length);
        try (PreparedStatement statement = connection.prepareStatement("SELECT format(?" + placeholders + ")")) {
            statement.setString(1, template);
            for (int i = 0; i < arguments.length; i++) {
                statement.setString(i + 2, arguments[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
