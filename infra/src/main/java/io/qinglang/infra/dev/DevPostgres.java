package io.qinglang.infra.dev;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Consumer;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (zonky's embedded binaries, PostgreSQL 16) whose data lives in a folder
 * of the caller's choosing, so a dev database survives restarts while a test can start from an
 * empty folder. It holds two databases, {@value #APP_DATABASE} and {@value #KEYCLOAK_DATABASE};
 * {@value #OWNER_USER} owns everything and runs migrations, {@value #APP_USER} is what the
 * application logs in as. TCP logins need the passwords the caller chose.
 *
 * <p>PostgreSQL refuses to run as root. When the JVM is root (containers, CI), zonky runs
 * {@code initdb} and {@code pg_ctl} through {@code unshare -U}, in a user namespace where the
 * process is not root; that needs user namespaces, which Docker's default seccomp profile forbids.
 */
public final class DevPostgres implements AutoCloseable {

    /** The superuser: owner of the schema, used by migrations and by Keycloak. */
    public static final String OWNER_USER = "postgres";
    /** The application's login: no superuser, no BYPASSRLS. */
    public static final String APP_USER = "qinglang_app";
    /** The application's database. */
    public static final String APP_DATABASE = "qinglang";
    /** Keycloak's database. */
    public static final String KEYCLOAK_DATABASE = "keycloak";

    private volatile EmbeddedPostgres server;
    private EmbeddedPostgres.Builder builder;
    private Path log;

    private DevPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    /**
     * Starts PostgreSQL on {@code port} (0 picks a free one) with its data under {@code folder},
     * creating the cluster, databases and roles when they are missing.
     */
    public static DevPostgres start(Path folder, int port, String ownerPassword, String appPassword,
                                    Consumer<String> progress) throws IOException {
        Path dataDirectory = folder.toAbsolutePath().resolve("data");
        Path log = folder.toAbsolutePath().resolve("postgres.log");
        Files.createDirectories(folder);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setLocaleConfig("locale", "C")
                .setConnectConfig("password", ownerPassword)
                .setOutputRedirector(Redirect.appendTo(log.toFile()))
                .setErrorRedirector(Redirect.appendTo(log.toFile()));
        progress.accept("postgres: starting, data in " + dataDirectory + ", log in " + log);
        DevPostgres postgres = new DevPostgres(startServer(builder, log));
        postgres.builder = builder.setPort(postgres.port());
        postgres.log = log;
        try {
            postgres.provision(dataDirectory, ownerPassword, appPassword);
        } catch (IOException | SQLException | RuntimeException e) {
            postgres.close();
            throw new IOException("PostgreSQL started but could not be provisioned: " + e.getMessage(), e);
        }
        progress.accept("postgres: ready on port " + postgres.port());
        return postgres;
    }

    private static EmbeddedPostgres startServer(EmbeddedPostgres.Builder builder, Path log) throws IOException {
        try {
            return builder.start();
        } catch (IllegalStateException e) {
            boolean processFailed = String.valueOf(e.getMessage()).startsWith("Process");
            String hint = processFailed && "root".equals(System.getProperty("user.name"))
                    ? " (as root, zonky runs it through 'unshare -U': user namespaces must be allowed)" : "";
            throw new IOException("PostgreSQL did not start: " + e.getMessage() + hint + "; see " + log, e);
        }
    }

    private void provision(Path dataDirectory, String ownerPassword, String appPassword)
            throws IOException, SQLException {
        try (Connection owner = DriverManager.getConnection(jdbcUrl("postgres"), OWNER_USER, ownerPassword)) {
            DatabaseProvisioning.apply(owner, ownerPassword, appPassword);
            if (PasswordAuthentication.require(dataDirectory)) {
                try (Statement statement = owner.createStatement()) {
                    statement.execute("SELECT pg_reload_conf()");
                }
            }
        }
    }

    /** The TCP port PostgreSQL listens on (localhost only). */
    public int port() {
        return server.getPort();
    }

    /** JDBC URL of the application's database, without credentials. */
    public String jdbcUrl() {
        return jdbcUrl(APP_DATABASE);
    }

    /** JDBC URL of Keycloak's database, without credentials. */
    public String keycloakJdbcUrl() {
        return jdbcUrl(KEYCLOAK_DATABASE);
    }

    private String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:%d/%s".formatted(port(), database);
    }

    /** Stops the server for a while, as a database goes away; its data stays (tests of an outage). */
    public synchronized void pause() throws IOException {
        server.close();
    }

    /** Starts the server again on its port, with its data. */
    public synchronized void resume() throws IOException {
        server = startServer(builder, log);
    }

    /** Stops the server; the data folder stays. */
    @Override
    public void close() throws IOException {
        server.close();
    }
}
