package io.qinglang.infra.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * More nodes of the platform, each in its own JVM, configured as the test platform is (same database, Keycloak, mail
 * server and keys: every {@code qinglang.*}, {@code server.*} and {@code mp.*} system property), on their own ports.
 * Closing stops every node started.
 */
final class Nodes implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final List<Process> started = new ArrayList<>();

    /**
     * Starts a node on {@code port}, its output appended to {@code log}, with {@code settings} over the test platform's
     * configuration; returns once it answers ready.
     */
    Process start(int port, Path log, Map<String, String> settings) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        System.getProperties().forEach((name, value) -> {
            String key = name.toString();
            if (key.startsWith("qinglang.") || key.startsWith("server.") || key.startsWith("mp.")
                    || key.startsWith("javax.net.")) {
                command.add("-D" + key + "=" + value);
            }
        });
        Map<String, String> node = new LinkedHashMap<>(Map.of("server.port", String.valueOf(port)));
        node.putAll(settings);
        node.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-Xmx512m");
        // the transaction manager's store, which a killed node cannot clear away, goes where the build's output goes
        command.add("-Dcom.arjuna.ats.arjuna.objectstore.objectStoreDir=" + Path.of("target", "nodes").toAbsolutePath());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("io.qinglang.infra.server.Main");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        started.add(process);
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the node started (its log: " + log + ")").isTrue();
            try {
                HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return process;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the node did not become ready within 120 s (its log: " + log + ")");
    }

    /** A port free right now. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        started.forEach(Process::destroyForcibly);
        for (Process p : started) {
            try {
                p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
