package io.qinglang.infra.it;

import io.helidon.microprofile.server.Server;
import io.helidon.microprofile.server.ServerCdiExtension;
import io.qinglang.infra.dev.DevEnvironment;
import io.qinglang.infra.dev.DevSettings;
import io.qinglang.infra.dev.Endpoints;
import io.qinglang.infra.dev.SeedingClock;
import io.qinglang.infra.metrics.MetricsEndpoint;
import jakarta.enterprise.inject.spi.CDI;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The platform under test, started once per test run: real PostgreSQL, real Keycloak, a real SMTP catcher and
 * the assembled Helidon server on a free port, in this JVM (so tests can also reach CDI beans and captured logs).
 */
public final class TestPlatform {

    private static TestPlatform instance;
    private static RuntimeException startFailure;

    private final DevEnvironment environment;
    private final Server server;
    private final LogCapture logs;
    private final Api api;
    private final Set<String> issuedSecrets = ConcurrentHashMap.newKeySet();

    private TestPlatform(DevEnvironment environment, Server server, LogCapture logs) {
        this.environment = environment;
        this.server = server;
        this.logs = logs;
        this.api = new Api("http://localhost:" + server.port(), this);
    }

    public static synchronized TestPlatform get() {
        if (startFailure != null) {
            throw startFailure;
        }
        if (instance == null) {
            try {
                instance = start();
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "test-platform-stop"));
        }
        return instance;
    }

    private static TestPlatform start() {
        Instant began = Instant.now();
        try {
            Path folder = Path.of(System.getProperty("qinglang.it.folder", "target/dev-it"))
                    .resolve("run-" + System.currentTimeMillis());
            Files.createDirectories(folder);
            int port = freePort();
            DevSettings settings = DevSettings.forTests(folder,
                    Path.of(System.getProperty("qinglang.keycloak.dist", "target/keycloak/keycloak-dist.zip")),
                    Path.of(System.getProperty("qinglang.keycloak.cache", System.getProperty("user.home") + "/.cache/qinglang")),
                    port);
            DevEnvironment environment = DevEnvironment.start(settings, line -> System.out.println("[test-env] " + line));
            configure(environment.endpoints(), port);
            SeedingClock.install(); // as dev mode does: DemoBodyIT writes the demo body's year with it
            Server server = Server.builder().build().start();
            LogCapture logs = LogCapture.install();
            System.out.println("[test-env] platform up on port " + server.port() + " after "
                    + Duration.between(began, Instant.now()).toSeconds() + " s (Keycloak "
                    + environment.keycloakStartTime().toSeconds() + " s)");
            return new TestPlatform(environment, server, logs);
        } catch (Exception e) {
            throw new IllegalStateException("the test platform did not start", e);
        }
    }

    /** A port free now, for the server: the console's sign-in must know it before Keycloak's realm is made. */
    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void configure(Endpoints endpoints, int port) {
        endpoints.serverProperties().forEach(System::setProperty);
        Map<String, String> properties = Map.ofEntries(
                Map.entry("server.port", String.valueOf(port)),
                // the operator's socket (metrics) on a free port too, so that runs side by side do not collide
                Map.entry("qinglang.admin.port", "0"),
                // and its figures read anew at every scrape a second apart, so MetricsIT need not wait long
                Map.entry("qinglang.metrics.figures-seconds", "1"),
                Map.entry("qinglang.crypto.master-key", randomKey()),
                Map.entry("qinglang.crypto.receipt-key", randomKey()),
                Map.entry("qinglang.http.trust-forwarded-for", "true"),
                Map.entry("qinglang.upload.max-files", "3"),
                Map.entry("qinglang.upload.max-file-bytes", "262144"),
                Map.entry("qinglang.upload.max-request-bytes", "1048576"),
                Map.entry("server.max-payload-size", "2097152"),
                // the tests run escalation and the outbox themselves, at moments they choose
                Map.entry("qinglang.jobs.enabled", "false"),
                // and seal the audit trail when they need it sealed (Fixtures.sealAudit), so what waits is known
                Map.entry("qinglang.audit.seal-interval-ms", "0"));
        properties.forEach(System::setProperty);
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private void stop() {
        try {
            server.stop();
        } catch (RuntimeException ignored) {
            // the JVM is ending; the environment below is what must not leak processes
        }
        try {
            environment.close();
        } catch (Exception e) {
            System.err.println("[test-env] " + e.getMessage());
        }
    }

    public Api api() {
        return api;
    }

    /** The operator's socket ({@code admin}: the metrics), beside the public port the API and the portal answer on. */
    public Api adminApi() {
        return new Api("http://localhost:" + CDI.current().getBeanManager().getExtension(ServerCdiExtension.class)
                .port(MetricsEndpoint.SOCKET), this);
    }

    public LogCapture logs() {
        return logs;
    }

    public DevEnvironment environment() {
        return environment;
    }

    public Endpoints endpoints() {
        return environment.endpoints();
    }

    /** Every receipt code and claim secret the tests were given, to check none was ever logged. */
    public Set<String> issuedSecrets() {
        return issuedSecrets;
    }

    void remember(String secret) {
        issuedSecrets.add(secret);
    }

    /** A connection as the database owner (bypasses RLS), to look at what the platform really stored. */
    public Connection ownerConnection() throws SQLException {
        return DriverManager.getConnection(endpoints().jdbcUrl(), endpoints().ownerUser(), endpoints().ownerPassword());
    }

    /** A connection as the application's role, which row-level security binds. */
    public Connection appConnection() throws SQLException {
        return DriverManager.getConnection(endpoints().jdbcUrl(), endpoints().appUser(), endpoints().appPassword());
    }
}
