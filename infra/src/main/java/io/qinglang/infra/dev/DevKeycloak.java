package io.qinglang.infra.dev;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * A Keycloak server running as a child process of this JVM, on PostgreSQL, with the Qinglang realm.
 * The realm is imported with {@code --import-realm}, which skips realms that already exist, so a
 * restart on the same database keeps everything created since. The server is stopped on
 * {@link #close()}, or by a shutdown hook when the JVM ends without closing it.
 */
public final class DevKeycloak implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final Duration REPORT_INTERVAL = Duration.ofSeconds(5);

    private final Process process;
    private final int httpPort;
    private final Duration startTime;
    private final Thread shutdownHook;

    private DevKeycloak(Process process, int httpPort, Duration startTime) {
        this.process = process;
        this.httpPort = httpPort;
        this.startTime = startTime;
        this.shutdownHook = new Thread(() -> ProcessTree.stop(process.toHandle(), STOP_GRACE), "keycloak-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts Keycloak from {@code distribution} with its own home, data and log under {@code folder},
     * and returns once it reports ready.
     */
    public static DevKeycloak start(KeycloakDistribution distribution, Path folder, KeycloakSettings settings,
                                    Consumer<String> progress) throws IOException, InterruptedException {
        Path home = KeycloakHome.link(distribution, folder.toAbsolutePath().resolve("home"));
        writeRealm(KeycloakHome.importFolder(home).resolve(QinglangRealm.NAME + "-realm.json"), settings.realm(), progress);
        Path log = folder.toAbsolutePath().resolve("keycloak.log");
        progress.accept("keycloak: starting on port " + settings.httpPort() + ", log in " + log);
        Instant started = Instant.now();
        Process process = launch(home, settings, log);
        try {
            awaitReady(process, settings, log, progress);
        } catch (IOException | InterruptedException | RuntimeException e) {
            ProcessTree.stop(process.toHandle(), STOP_GRACE);
            throw e;
        }
        Duration startTime = Duration.between(started, Instant.now());
        progress.accept("keycloak: ready at http://localhost:%d after %.1f s"
                .formatted(settings.httpPort(), startTime.toMillis() / 1000.0));
        return new DevKeycloak(process, settings.httpPort(), startTime);
    }

    private static void writeRealm(Path file, QinglangRealm realm, Consumer<String> progress) throws IOException {
        String json = realm.toJson();
        if (Files.exists(file) && !Files.readString(file).equals(json)) {
            progress.accept("keycloak: realm settings differ from the first start, but Keycloak keeps the realm it"
                    + " imported then; delete the data folder to start afresh");
        }
        Files.writeString(file, json);
    }

    private static Process launch(Path home, KeycloakSettings settings, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of(
                home.resolve("bin/kc.sh").toString(), "start", "--optimized",
                "--http-enabled=true",
                "--http-host=127.0.0.1",
                "--http-port=" + settings.httpPort(),
                "--http-management-port=" + settings.managementPort(),
                "--hostname-strict=false",
                "--cache=local",
                "--db-url=" + settings.dbUrl(),
                "--db-username=" + settings.dbUsername(),
                "--import-realm"));
        // secrets travel in the environment, not on a command line every user can list
        builder.environment().put("KC_DB_PASSWORD", settings.dbPassword());
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", settings.adminUsername());
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", settings.adminPassword());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.redirectErrorStream(true).redirectOutput(Redirect.appendTo(log.toFile()));
        return builder.start();
    }

    private static void awaitReady(Process process, KeycloakSettings settings, Path log, Consumer<String> progress)
            throws IOException, InterruptedException {
        URI health = URI.create("http://localhost:%d/health/ready".formatted(settings.managementPort()));
        Deadline deadline = Deadline.in(settings.startTimeout());
        Instant started = Instant.now();
        Instant nextReport = started.plus(REPORT_INTERVAL);
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            while (!ready(http, health)) {
                if (!process.isAlive()) {
                    throw new IOException("Keycloak exited with code " + process.exitValue() + " while starting:\n"
                            + LogTail.of(log, 30));
                }
                if (deadline.passed()) {
                    throw new IOException("Keycloak was not ready after " + settings.startTimeout() + ":\n"
                            + LogTail.of(log, 30));
                }
                if (Instant.now().isAfter(nextReport)) {
                    progress.accept("keycloak: still starting (%d s)".formatted(Duration.between(started, Instant.now()).toSeconds()));
                    nextReport = nextReport.plus(REPORT_INTERVAL);
                }
                Thread.sleep(POLL_INTERVAL);
            }
        }
    }

    private static boolean ready(HttpClient http, URI health) throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        }
    }

    /** Base URL, e.g. {@code http://localhost:8180}. */
    public String url() {
        return "http://localhost:" + httpPort;
    }

    /** How long the start took until Keycloak reported ready. */
    public Duration startTime() {
        return startTime;
    }

    /** Stops Keycloak and every process it started; its data stays in PostgreSQL. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or about to; stopping twice is harmless
        }
        ProcessTree.stop(process.toHandle(), STOP_GRACE);
    }
}
