package io.qinglang.benchmarks;

import io.qinglang.infra.server.JsonLogFormatter;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.logging.LogManager;

/**
 * Sends the platform's logs to a file instead of the console, with the server's own levels and JSON format:
 * the access log still costs what it costs in production (one line per request), but thousands of lines
 * would bury the progress and the result table.
 */
final class PlatformLog {

    private PlatformLog() {
    }

    /** Must run before Helidon starts: it also tells Helidon not to load its own logging configuration. */
    static void redirectTo(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Properties settings = serverSettings();
        settings.setProperty("handlers", "java.util.logging.FileHandler");
        settings.setProperty("java.util.logging.FileHandler.pattern", file.toAbsolutePath().toString());
        settings.setProperty("java.util.logging.FileHandler.level", "ALL");
        settings.setProperty("java.util.logging.FileHandler.encoding", "UTF-8");
        settings.setProperty("java.util.logging.FileHandler.formatter", JsonLogFormatter.class.getName());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        settings.store(bytes, null);
        LogManager.getLogManager().readConfiguration(new ByteArrayInputStream(bytes.toByteArray()));
        System.setProperty("io.helidon.logging.config.disabled", "true");
    }

    /** The server's logging.properties (in the infra jar): levels per logger. */
    private static Properties serverSettings() throws IOException {
        Properties settings = new Properties();
        try (InputStream in = PlatformLog.class.getClassLoader().getResourceAsStream("logging.properties")) {
            if (in != null) {
                settings.load(in);
            }
        }
        return settings;
    }
}
