package io.qinglang.infra.persistence;

import io.qinglang.platform.shared.application.SharedCounters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The shared counters in {@code rate_buckets}, {@code attempt_minutes} and {@code attempt_flags} (V031), through the
 * functions there: one round trip per call, on connections of their own ({@link DataSourceProducer#counters()}),
 * each statement committing at once.
 */
@ApplicationScoped
public class SqlSharedCounters implements SharedCounters {

    private static final String TAKE = "select refused, tokens_left from qinglang_take_tokens(?, ?, ?, ?, ?)";
    private static final String ATTEMPTS = "select this_minute, last_minute, hour_before, flagged_until "
            + "from qinglang_attempts(?, ?, ?, ?)";
    private static final String FLAG = "insert into attempt_flags as f (gate, subject, flagged_until) values (?, ?, ?) "
            + "on conflict (gate, subject) do update set flagged_until = greatest(f.flagged_until, excluded.flagged_until)";
    /** Buckets full again, minutes the judgement no longer reads (it looks 61 back), flags run out. */
    private static final String FORGET = "with buckets as (delete from rate_buckets where full_at < ? returning 1), "
            + "minutes as (delete from attempt_minutes where minute < ? - 62 returning 1), "
            + "flags as (delete from attempt_flags where flagged_until < ? returning 1) "
            + "select (select count(*) from buckets) + (select count(*) from minutes) + (select count(*) from flags)";

    private final DataSource connections;

    @Inject
    public SqlSharedCounters(DataSourceProducer pool) {
        this.connections = pool.counters();
    }

    @Override
    public Optional<Shortfall> take(Instant now, List<Bucket> buckets) {
        int n = buckets.size();
        String[] limiters = new String[n];
        byte[][] keys = new byte[n][];
        Double[] capacities = new Double[n];
        Double[] periods = new Double[n];
        for (int i = 0; i < n; i++) {
            Bucket b = buckets.get(i);
            limiters[i] = b.limiter();
            keys[i] = b.key();
            capacities[i] = (double) b.capacity();
            periods[i] = (double) b.refillEvery().toMillis();
        }
        try (Connection c = connections.getConnection(); PreparedStatement take = c.prepareStatement(TAKE)) {
            Array keyArray = c.createArrayOf("bytea", keys);
            take.setArray(1, c.createArrayOf("text", limiters));
            take.setArray(2, keyArray);
            take.setArray(3, c.createArrayOf("float8", capacities));
            take.setArray(4, c.createArrayOf("float8", periods));
            take.setTimestamp(5, Timestamp.from(now));
            try (ResultSet row = take.executeQuery()) {
                return row.next() ? Optional.of(new Shortfall(row.getInt(1) - 1, row.getDouble(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not take from the shared rate limits", e);
        }
    }

    @Override
    public AttemptWindow attempts(String gate, String subject, Instant now, boolean count) {
        try (Connection c = connections.getConnection(); PreparedStatement select = c.prepareStatement(ATTEMPTS)) {
            select.setString(1, gate);
            select.setString(2, subject);
            select.setLong(3, now.getEpochSecond() / 60);
            select.setBoolean(4, count);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                Timestamp flagged = row.getTimestamp(4);
                return new AttemptWindow(row.getLong(1), row.getLong(2), row.getLong(3),
                        flagged == null ? null : flagged.toInstant());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count an attempt in the shared counters", e);
        }
    }

    @Override
    public void flag(String gate, String subject, Instant until) {
        try (Connection c = connections.getConnection(); PreparedStatement insert = c.prepareStatement(FLAG)) {
            insert.setString(1, gate);
            insert.setString(2, subject);
            insert.setTimestamp(3, Timestamp.from(until));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not flag an anomalous rate in the shared counters", e);
        }
    }

    @Override
    public int forgetIdle(Instant now) {
        try (Connection c = connections.getConnection(); PreparedStatement forget = c.prepareStatement(FORGET)) {
            forget.setTimestamp(1, Timestamp.from(now));
            forget.setLong(2, now.getEpochSecond() / 60);
            forget.setTimestamp(3, Timestamp.from(now));
            try (ResultSet row = forget.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not forget idle shared counters", e);
        }
    }
}
