package io.qinglang.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Counts, every {@value #INTERVAL_MILLIS} ms while a phase is measured, the sessions of the application
 * database waiting for a lock ({@code pg_stat_activity.wait_event_type = 'Lock'}), over the owner's connection.
 */
final class LockWaitSampler implements AutoCloseable {

    private static final long INTERVAL_MILLIS = 50;
    private static final String WAITING = "select count(*) from pg_stat_activity "
            + "where datname = current_database() and wait_event_type = 'Lock'";

    private final Connection connection;
    private volatile boolean running;
    private Thread thread;
    private int samples;
    private long sum;
    private int max;

    LockWaitSampler(Connection ownerConnection) {
        this.connection = ownerConnection;
    }

    void start() {
        samples = 0;
        sum = 0;
        max = 0;
        running = true;
        thread = Thread.ofPlatform().daemon().name("lock-wait-sampler").start(this::sampleUntilStopped);
    }

    LockWaits stop() throws InterruptedException {
        running = false;
        thread.join(Duration.ofSeconds(10));
        return samples == 0 ? LockWaits.NOT_OBSERVED : new LockWaits(samples, (double) sum / samples, max);
    }

    private void sampleUntilStopped() {
        try (Statement statement = connection.createStatement()) {
            while (running) {
                try (ResultSet row = statement.executeQuery(WAITING)) {
                    row.next();
                    int waiting = row.getInt(1);
                    samples++;
                    sum += waiting;
                    max = Math.max(max, waiting);
                }
                Thread.sleep(INTERVAL_MILLIS);
            }
        } catch (SQLException e) {
            System.err.println("[bench] lock-wait sampling stopped: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
