package io.qinglang.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

/**
 * Where the numbers were measured. The clients, the server and the baseline share this JVM, and PostgreSQL and
 * Keycloak run on the same machine, so both sides compete for the same cores.
 *
 * @param postgres the server's version and durability settings
 */
record MachineFacts(int cores, String cpu, String jvm, String os, long maxHeapBytes, String postgres) {

    static MachineFacts observe(Connection owner) throws SQLException {
        return new MachineFacts(Runtime.getRuntime().availableProcessors(), cpuModel(),
                System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.name") + ", "
                        + System.getProperty("java.vendor") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                Runtime.getRuntime().maxMemory(), postgresVersion(owner));
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(line -> line.startsWith("model name")).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** The version, and the durability settings that decide what a commit costs (zonky turns off synchronous_commit). */
    private static String postgresVersion(Connection owner) throws SQLException {
        return "PostgreSQL " + setting(owner, "server_version") + ", synchronous_commit="
                + setting(owner, "synchronous_commit") + ", fsync=" + setting(owner, "fsync");
    }

    private static String setting(Connection owner, String name) throws SQLException {
        try (Statement statement = owner.createStatement();
             ResultSet row = statement.executeQuery("show " + name)) {
            row.next();
            return row.getString(1);
        }
    }
}
