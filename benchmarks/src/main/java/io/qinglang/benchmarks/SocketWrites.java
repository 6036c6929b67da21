package io.qinglang.benchmarks;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts what this JVM — the benchmark's clients and the platform's server alike — writes to the network while some
 * work runs, by the remote port written to: JDK Flight Recorder's {@code jdk.SocketWrite} events with no threshold
 * (every write, blocking sockets and socket channels). Recording every write costs time, so the work should be a
 * pass of its own, not a measured one.
 */
final class SocketWrites {

    private SocketWrites() {
    }

    /** The writes made while {@code work} ran, by remote port. */
    static Map<Integer, Long> byRemotePort(Work work) throws Exception {
        Path file = Files.createTempFile("socket-writes-", ".jfr");
        try {
            try (Recording recording = new Recording()) {
                recording.enable("jdk.SocketWrite").withThreshold(Duration.ZERO).withoutStackTrace();
                recording.start();
                work.run();
                recording.stop();
                recording.dump(file);
            }
            return countByPort(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static Map<Integer, Long> countByPort(Path file) throws IOException {
        Map<Integer, Long> writes = new TreeMap<>();
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                writes.merge(event.getInt("port"), 1L, Long::sum);
            }
        }
        return writes;
    }
}
