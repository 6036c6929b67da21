package io.qinglang.infra.dev;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * The local environment that dev mode and the integration tests share, made of real parts only:
 * PostgreSQL, a mail catcher and Keycloak, started in that order (Keycloak needs the other two).
 * With a kept data folder and fixed ports it is a developer's environment; with a fresh folder and
 * free ports it is a test's.
 */
public final class DevEnvironment implements AutoCloseable {

    /** Administrator of Keycloak's master realm. */
    public static final String KEYCLOAK_ADMIN = "admin";

    private static final Duration KEYCLOAK_START_TIMEOUT = Duration.ofMinutes(3);

    private final Deque<AutoCloseable> running;
    private final DevPostgres postgres;
    private final DevMail mail;
    private final DevKeycloak keycloak;
    private final DevPorts ports;
    private final Endpoints endpoints;

    private DevEnvironment(Deque<AutoCloseable> running, DevPostgres postgres, DevMail mail, DevKeycloak keycloak,
                           DevPorts ports, Endpoints endpoints) {
        this.running = running;
        this.postgres = postgres;
        this.mail = mail;
        this.keycloak = keycloak;
        this.ports = ports;
        this.endpoints = endpoints;
    }

    /** Starts everything, reporting progress line by line; on failure, stops what had started. */
    public static DevEnvironment start(DevSettings settings, Consumer<String> progress)
            throws IOException, InterruptedException {
        DevPorts ports = settings.ports().withFreePortsForZeros();
        DevSecrets secrets = settings.secrets();
        KeycloakDistribution distribution =
                KeycloakDistribution.prepare(settings.keycloakZip(), settings.keycloakCache(), progress);
        Deque<AutoCloseable> running = new ArrayDeque<>();
        try {
            DevPostgres postgres = DevPostgres.start(settings.dataFolder().resolve("postgres"), ports.postgres(),
                    secrets.ownerPassword(), secrets.appPassword(), progress);
            running.push(postgres);
            DevMail mail = DevMail.start(ports.smtp());
            running.push(mail);
            progress.accept("mail: SMTP catcher on " + DevMail.HOST + ":" + mail.port());
            QinglangRealm realm = new QinglangRealm(DevMail.HOST, mail.port(), secrets.platformClientSecret(),
                    secrets.operatorPassword(), settings.consoleRedirectUri());
            KeycloakSettings keycloakSettings = new KeycloakSettings(ports.keycloak(), ports.keycloakManagement(),
                    postgres.keycloakJdbcUrl(), DevPostgres.OWNER_USER, secrets.ownerPassword(),
                    KEYCLOAK_ADMIN, secrets.keycloakAdminPassword(), realm, KEYCLOAK_START_TIMEOUT);
            DevKeycloak keycloak = DevKeycloak.start(distribution, settings.dataFolder().resolve("keycloak"),
                    keycloakSettings, progress);
            running.push(keycloak);
            return new DevEnvironment(running, postgres, mail, keycloak, ports,
                    endpoints(postgres, mail, keycloak, secrets));
        } catch (IOException | InterruptedException | RuntimeException e) {
            stopAll(running, e);
            throw e;
        }
    }

    private static Endpoints endpoints(DevPostgres postgres, DevMail mail, DevKeycloak keycloak, DevSecrets secrets) {
        return new Endpoints(postgres.jdbcUrl(), DevPostgres.OWNER_USER, secrets.ownerPassword(),
                DevPostgres.APP_USER, secrets.appPassword(), keycloak.url(), QinglangRealm.NAME,
                QinglangRealm.PLATFORM_CLIENT, secrets.platformClientSecret(), QinglangRealm.CONSOLE_CLIENT,
                DevMail.HOST, mail.port(), QinglangRealm.OPERATOR, secrets.operatorPassword(),
                KEYCLOAK_ADMIN, secrets.keycloakAdminPassword());
    }

    /** How to reach the running parts. */
    public Endpoints endpoints() {
        return endpoints;
    }

    /** The ports actually used; pass them to {@link DevSettings#withPorts} to restart on the same ones. */
    public DevPorts ports() {
        return ports;
    }

    /** The database server (tests of an outage stop and start it). */
    public DevPostgres postgres() {
        return postgres;
    }

    /** The mail catcher, to read what Keycloak or the application sent. */
    public DevMail mail() {
        return mail;
    }

    /** How long Keycloak took to become ready; the first start on a new folder creates its schema. */
    public Duration keycloakStartTime() {
        return keycloak.startTime();
    }

    /** Stops everything, Keycloak first; the data folder stays. */
    @Override
    public void close() throws IOException {
        IOException failure = new IOException("Some parts of the local environment did not stop cleanly");
        stopAll(running, failure);
        if (failure.getSuppressed().length > 0) {
            throw failure;
        }
    }

    private static void stopAll(Deque<AutoCloseable> running, Throwable failures) {
        while (!running.isEmpty()) {
            try {
                running.pop().close();
            } catch (Exception e) {
                failures.addSuppressed(e);
            }
        }
    }
}
